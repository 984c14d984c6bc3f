namespace Analytics.Snapshots.Results;

/// <summary>What a query's result is written as.</summary>
public enum ResultFormat
{
    /// <summary>Text cells for a person to read (the console page, the command's table), returned inline and kept small.</summary>
    Table,

    /// <summary>CSV (RFC 4180) with the formula guard, to a file.</summary>
    Csv,

    /// <summary>JSON with typed values (<c>{"columns":…,"rows":…}</c>), to a file.</summary>
    Json,

    /// <summary>Parquet (zstd) written by DuckDB itself, to a file.</summary>
    Parquet,

    /// <summary>
    /// An Arrow IPC stream (<c>application/vnd.apache.arrow.stream</c>) of DuckDB's own Arrow export, to a file: typed
    /// columns for pandas, polars, R and Power BI, under the same row and byte caps as CSV and JSON.
    /// </summary>
    Arrow,
}

/// <summary>Why a result holds fewer rows than the query produced.</summary>
public enum Truncation
{
    /// <summary>Every row is there.</summary>
    None,

    /// <summary>Cut at the row cap.</summary>
    Rows,

    /// <summary>Cut at the byte cap (before the row that would have passed it).</summary>
    Bytes,
}

/// <summary>A column of a result: its name and DuckDB's type name (e.g. <c>VARCHAR</c>, <c>DECIMAL(18,4)</c>).</summary>
public sealed record ResultColumn(string Name, string Type);
