namespace Analytics.Etl.Contracts;

/// <summary>The file formats the readers understand; chosen from the file extension.</summary>
public enum SourceFormat
{
    /// <summary>RFC 4180 CSV (.csv, .txt), UTF-8 with or without BOM, or GBK.</summary>
    Csv,

    /// <summary>Excel workbook (.xlsx, .xls), every sheet, header found within the first rows.</summary>
    Xlsx,

    /// <summary>JSON Lines (.jsonl, .ndjson, .json), UTF-8, one object per line.</summary>
    JsonLines,
}
