using System.Globalization;
using Analytics.DuckDb;

namespace Analytics.Dashboard.Data;

/// <summary>A feed's freshness in the snapshot (<c>mart_freshness</c>).</summary>
public sealed record FeedFreshness(string Feed, DateOnly? LatestAsOf, int? LatestYear, long? Rows, DateTimeOffset? LastLoadAt);

/// <summary>A load batch the snapshot was built from (<c>build_lineage</c>).</summary>
public sealed record LoadBatch(string BatchId, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, long? Files, long? Rows, long? Quarantined);

/// <summary>Rows quarantined by one rule of one feed (<c>mart_quarantine_summary</c>), with an example message.</summary>
public sealed record QuarantineCount(string Feed, string Rule, long? Rows, string? Example);

/// <summary>
/// What the data page shows, read by column name from the snapshot's quality tables (a snapshot without one gives
/// null for it): typed, so the page formats numbers and dates in the reader's culture. The names are the warehouse's
/// (Sql/marts/mart_freshness.sql, mart_quarantine_summary.sql, build_lineage.sql), and only those.
/// </summary>
internal static class DataStatusReader
{
    public static IReadOnlyList<FeedFreshness>? Freshness(DuckDbConnection c, HashSet<string> tables) =>
        !tables.Contains(WarehouseTables.Freshness) ? null : Rows(c, WarehouseTables.Freshness).Select(r => new FeedFreshness(
            r.Get("feed") ?? "", Date(r.GetValueOrDefault("latest_as_of")), r.GetInt("latest_year"),
            Long(r.GetValueOrDefault("row_count")), Moment(r.GetValueOrDefault("last_load_at")))).ToList();

    public static IReadOnlyList<LoadBatch>? Loads(DuckDbConnection c, HashSet<string> tables) =>
        !tables.Contains(WarehouseTables.Lineage) ? null : Rows(c, WarehouseTables.Lineage).Select(r => new LoadBatch(
            r.Get("batch_id") ?? "", Moment(r.GetValueOrDefault("started_at")), Moment(r.GetValueOrDefault("finished_at")),
            Long(r.GetValueOrDefault("files")), Long(r.GetValueOrDefault("rows")), Long(r.GetValueOrDefault("rows_quarantined")))).ToList();

    public static IReadOnlyList<QuarantineCount>? Quarantine(DuckDbConnection c, HashSet<string> tables) =>
        !tables.Contains(WarehouseTables.Quarantine) ? null : Rows(c, WarehouseTables.Quarantine).Select(r => new QuarantineCount(
            r.Get("feed") ?? "", r.Get("rule") ?? "", Long(r.GetValueOrDefault("row_count")), r.Get("example_message"))).ToList();

    private static List<Dictionary<string, object?>> Rows(DuckDbConnection c, string table)
    {
        using var cmd = c.CreateCommand("SELECT * FROM " + DuckDbConnection.QuoteIdentifier(table) + " LIMIT 1000");
        using var r = cmd.ExecuteReader();
        return Db.ReadAll(r);
    }

    private static long? Long(object? value) => value is null ? null : Convert.ToInt64(value, CultureInfo.InvariantCulture);

    private static DateOnly? Date(object? value) => value switch
    {
        DateOnly d => d,
        DateTime t => DateOnly.FromDateTime(t),
        DateTimeOffset o => DateOnly.FromDateTime(o.UtcDateTime),
        _ => null,
    };

    /// <summary>Timestamps in the snapshot are UTC (the builder writes them so).</summary>
    private static DateTimeOffset? Moment(object? value) => value switch
    {
        DateTimeOffset o => o,
        DateTime t => new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)),
        _ => null,
    };
}
