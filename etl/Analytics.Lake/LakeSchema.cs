using Analytics.Etl.Contracts;

namespace Analytics.Lake;

/// <summary>A column of a lake file and its DuckDB type.</summary>
/// <param name="Name">The column name.</param>
/// <param name="Type">Its DuckDB type, e.g. <c>VARCHAR[]</c>.</param>
public sealed record LakeColumn(string Name, string Type);

/// <summary>
/// The columns of the lake's Parquet files, the one definition the load writes and the warehouse reads: a feed's
/// contract columns in contract order, each row's normalisation notes and origin, and the Hive keys of its path.
/// </summary>
public static class LakeSchema
{
    /// <summary>What every accepted row carries after its contract columns: its notes and where it came from.</summary>
    public static IReadOnlyList<LakeColumn> RowOrigin { get; } =
    [
        new("notes", "VARCHAR[]"), new("source_file", "VARCHAR"), new("sha256", "VARCHAR"), new("source_row", "BIGINT"),
    ];

    /// <summary>
    /// The columns the load derives from a feed's validated values and writes after its contract columns (before
    /// <see cref="RowOrigin"/>): for patents, <c>applicant_credit_codes</c>, parallel to <c>applicants</c>, the
    /// normalised credit code of each applicant that is one, else NULL (<c>ApplicantCreditCodes</c> in the ETL).
    /// </summary>
    public static IReadOnlyList<LakeColumn> Derived(FeedKind feed) => feed == FeedKind.Patents ? PatentsDerived : [];

    private static readonly LakeColumn[] PatentsDerived = [new("applicant_credit_codes", "VARCHAR[]")];

    /// <summary>The Hive keys of a feed file's path (<c>load=…/feed=…/year=…</c>), as DuckDB reads them.</summary>
    public static IReadOnlyList<LakeColumn> FeedPathKeys { get; } =
    [
        new("feed", "VARCHAR"), new("load", "VARCHAR"), new("year", "BIGINT"),
    ];

    /// <summary>The columns of the quarantine files (one row per rejected source row).</summary>
    public static IReadOnlyList<LakeColumn> Quarantine { get; } =
    [
        new("feed", "VARCHAR"), new("source_file", "VARCHAR"), new("sha256", "VARCHAR"), new("sheet", "VARCHAR"),
        new("row_number", "BIGINT"), new("raw_row", "VARCHAR"), new("rule", "VARCHAR"), new("column_name", "VARCHAR"),
        new("value", "VARCHAR"), new("message", "VARCHAR"),
    ];

    /// <summary>The Hive key of a quarantine file's path (<c>load=…/quarantine/</c>).</summary>
    public static IReadOnlyList<LakeColumn> QuarantinePathKeys { get; } = [new("load", "VARCHAR")];

    /// <summary>
    /// The columns a reader of a feed's lake files sees with Hive partitioning: the contract's, the derived ones, the row
    /// origin, then the path keys. A path key wins over a file column of the same name (R&amp;D spend's <c>year</c>), as DuckDB reads it.
    /// </summary>
    public static IReadOnlyList<LakeColumn> FeedAsRead(FeedContract contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        var keys = FeedPathKeys.Select(k => k.Name).ToHashSet(StringComparer.Ordinal);
        return contract.Fields.Where(f => !keys.Contains(f.Name)).Select(f => new LakeColumn(f.Name, f.DuckDbType))
            .Concat(Derived(contract.Kind)).Concat(RowOrigin).Concat(FeedPathKeys).ToList();
    }

    /// <summary>
    /// The SQL expression of the year a feed's row is partitioned by (<c>year=…</c> in its path): R&amp;D spend's own
    /// <c>year</c> column, else the year of the registry's as-of date, a recognition's grant date, a patent's application
    /// date, or the survey's year.
    /// </summary>
    public static string PartitionYear(FeedKind feed) => feed switch
    {
        FeedKind.Registry => "year(as_of)",
        FeedKind.Recognitions => "year(granted_on)",
        FeedKind.Patents => "year(application_date)",
        FeedKind.RdSpend => "year",
        FeedKind.Survey => "survey_year",
        _ => throw new ArgumentOutOfRangeException(nameof(feed)),
    };

    /// <summary>The quarantine's columns as a reader sees them with Hive partitioning.</summary>
    public static IReadOnlyList<LakeColumn> QuarantineAsRead => [.. Quarantine, .. QuarantinePathKeys];
}
