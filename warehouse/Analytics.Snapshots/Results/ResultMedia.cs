namespace Analytics.Snapshots.Results;

/// <summary>The name, file extension and media type of each result format: what a download is called and sent as.</summary>
public static class ResultMedia
{
    /// <summary>An Arrow IPC stream (what <c>pyarrow.ipc.open_stream</c>, polars and R's arrow read).</summary>
    public const string Arrow = "application/vnd.apache.arrow.stream";

    /// <summary>CSV in UTF-8.</summary>
    public const string Csv = "text/csv; charset=utf-8";

    /// <summary>JSON.</summary>
    public const string Json = "application/json; charset=utf-8";

    /// <summary>Parquet.</summary>
    public const string Parquet = "application/vnd.apache.parquet";

    /// <summary>The format's lower-case name (<c>table</c>, <c>csv</c>, <c>json</c>, <c>parquet</c>, <c>arrow</c>), as the audit log and the options spell it.</summary>
    public static string Name(ResultFormat format) => format switch
    {
        ResultFormat.Table => "table",
        ResultFormat.Csv => "csv",
        ResultFormat.Json => "json",
        ResultFormat.Parquet => "parquet",
        ResultFormat.Arrow => "arrow",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>The file extension, with its dot.</summary>
    public static string Extension(ResultFormat format) => format == ResultFormat.Table ? ".txt" : "." + Name(format);

    /// <summary>The media type a file of this format is sent as.</summary>
    public static string ContentType(ResultFormat format) => format switch
    {
        ResultFormat.Csv => Csv,
        ResultFormat.Json => Json,
        ResultFormat.Parquet => Parquet,
        ResultFormat.Arrow => Arrow,
        _ => "text/plain; charset=utf-8",
    };
}
