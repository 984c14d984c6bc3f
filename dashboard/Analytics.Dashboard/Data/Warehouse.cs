using Analytics.Dashboard.Snapshots;
using Analytics.Dashboard.Accounts;
using Analytics.DuckDb;
using Analytics.Snapshots.Results;

namespace Analytics.Dashboard.Data;

/// <summary>
/// The numbers of one request, all from the snapshot that was current when the request began (scoped service), on a
/// pooled read-only connection returned at the end of the request. A read that fails because the file is damaged
/// (truncated or overwritten while served) moves the request, and the dashboard, to the fallback snapshot and reads
/// again there (<see cref="SnapshotSource.TryRecover"/>); with nothing intact left it is a 503, never a 500.
/// </summary>
public sealed class Warehouse : IDisposable
{
    private readonly SnapshotSource _source;
    private readonly Disclosure _disclosure;
    private SnapshotState? _snapshot;
    private DuckDbConnection? _connection;
    private SnapshotState? _connectionOwner;

    /// <summary>Takes the current snapshot for this request (or the one a render outside a request is for).</summary>
    public Warehouse(SnapshotSource source, Disclosure disclosure, Presentation.RenderTarget target)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        _source = source;
        _disclosure = disclosure;
        _snapshot = target.Snapshot ?? source.Current;
        Problem = _snapshot is null ? source.Problem : null;
    }

    /// <summary>The snapshot of this request, or null (then <see cref="Problem"/> says why).</summary>
    public SnapshotState? Snapshot => _snapshot;

    /// <summary>Why there is no snapshot.</summary>
    public string? Problem { get; private set; }

    /// <summary>The catalog of this request's snapshot.</summary>
    public SnapshotCatalog Catalog => Required.Catalog;

    private SnapshotState Required => _snapshot ?? throw new SnapshotUnavailableException(Problem ?? "No snapshot.");

    /// <summary>An indicator's series by year for one cell.</summary>
    public IReadOnlyList<MartRow> Series(string id, string district, string industry, string size) => Visible(
        Required.Marts is { } m ? m.Series(id, district, industry, size) : Rows(WarehouseQueries.Series, ("id", id), ("district", district), ("industry", industry), ("size", size)));

    /// <summary>An indicator's districts for a year (industry group and size fixed), ranked by what this reader sees (a withheld value's rank would hint at it).</summary>
    public IReadOnlyList<MartRow> ByDistrict(string id, int year, string industry, string size) => MartRows.Ranked(Visible(
        Required.Marts is { } m ? m.ByDistrict(id, year, industry, size) : Rows(WarehouseQueries.ByDistrict, ("id", id), ("year", year), ("industry", industry), ("size", size))), r => r.DistrictCode);

    /// <summary>An indicator's industry groups for a year (district and size fixed), ranked by what this reader sees.</summary>
    public IReadOnlyList<MartRow> ByIndustry(string id, int year, string district, string size) => MartRows.Ranked(Visible(
        Required.Marts is { } m ? m.ByIndustry(id, year, district, size) : Rows(WarehouseQueries.ByIndustry, ("id", id), ("year", year), ("district", district), ("size", size))), r => r.IndustryGroup);

    /// <summary>All indicators of a plan for one district and industry group, every year.</summary>
    public IReadOnlyList<MartRow> PlanCell(string plan, string district, string industry) => Visible(
        Required.Marts is { } m
            ? Catalog.IndicatorsOf(plan).OrderBy(i => i.Id, StringComparer.Ordinal).SelectMany(i => m.Series(i.Id, district, industry, Filters.All)).ToList()
            : Rows(WarehouseQueries.PlanCell, ("plan", plan), ("district", district), ("industry", industry)));

    /// <summary>A whole small table (freshness, quarantine summary, lineage), or null when the snapshot lacks it.</summary>
    public TableResult? Table(string table, int maxRows = 500)
    {
        if (!WarehouseTables.Known.Contains(table))
        {
            throw new ArgumentException($"'{table}' is not a table the dashboard shows.", nameof(table));
        }

        return Read(c =>
        {
            if (!CatalogReader.Tables(c).Contains(table))
            {
                return null;
            }

            using var cmd = c.CreateCommand("SELECT * FROM " + DuckDbConnection.QuoteIdentifier(table) + " LIMIT " + (maxRows + 1));
            using var r = cmd.ExecuteReader();
            return TableResult.Read(r, maxRows);
        });
    }

    /// <summary>
    /// A whole small table as an Arrow IPC stream of DuckDB's own export (its column types kept, no .NET values in
    /// between), at most <paramref name="maxRows"/> rows; null when the snapshot lacks the table.
    /// </summary>
    public (byte[] Arrow, bool Capped)? TableArrow(string table, int maxRows = 500)
    {
        if (!WarehouseTables.Known.Contains(table))
        {
            throw new ArgumentException($"'{table}' is not a table the dashboard shows.", nameof(table));
        }

        var c = Connection();
        if (!CatalogReader.Tables(c).Contains(table))
        {
            return null;
        }

        using var cmd = c.CreateCommand("SELECT * FROM " + DuckDbConnection.QuoteIdentifier(table) + " LIMIT " + (maxRows + 1));
        using var r = cmd.ExecuteReader();
        using var output = new MemoryStream();
        var written = DuckDbArrowStreamWriter.Write(r, output, maxRows);
        return (output.ToArray(), written.CutAtRows);
    }

    /// <summary>Freshness by feed, or null when the snapshot lacks the table.</summary>
    public IReadOnlyList<FeedFreshness>? Freshness() => Read(c => DataStatusReader.Freshness(c, CatalogReader.Tables(c)));

    /// <summary>The load batches the snapshot was built from, or null when the snapshot lacks the table.</summary>
    public IReadOnlyList<LoadBatch>? Loads() => Read(c => DataStatusReader.Loads(c, CatalogReader.Tables(c)));

    /// <summary>Quarantined rows by feed and rule, or null when the snapshot lacks the table.</summary>
    public IReadOnlyList<QuarantineCount>? Quarantine() => Read(c => DataStatusReader.Quarantine(c, CatalogReader.Tables(c)));

    private List<MartRow> Rows(string sql, params (string Name, object Value)[] parameters) => Read(c =>
    {
        using var cmd = c.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.Add(name, value);
        }

        using var r = cmd.ExecuteReader();
        var rows = new List<MartRow>();
        while (r.Read())
        {
            rows.Add(MartRows.Read(r));
        }

        return rows;
    });

    /// <summary>
    /// Runs <paramref name="read"/> on this request's connection; when it fails because the file is damaged, once more
    /// on the snapshot the dashboard falls back to (or a 503 when there is none).
    /// </summary>
    private T Read<T>(Func<DuckDbConnection, T> read)
    {
        var snapshot = Required;
        try
        {
            return read(Connection());
        }
        catch (Exception ex) when (ex is DuckDbException or IOException && _source.TryRecover(snapshot, ex, out var next))
        {
            Dispose();
            _snapshot = next;
            if (next is null)
            {
                Problem = _source.Problem;
                throw new SnapshotUnavailableException(Problem ?? "No intact snapshot.");
            }

            return read(Connection());
        }
    }

    /// <summary>The rows as this request's reader may see them (<see cref="MartRows.ForReader"/>).</summary>
    private List<MartRow> Visible(IReadOnlyList<MartRow> rows)
    {
        var visible = new List<MartRow>(rows.Count);
        foreach (var row in rows)
        {
            visible.Add(MartRows.ForReader(row, _disclosure));
        }

        return visible;
    }

    private DuckDbConnection Connection()
    {
        if (_connection is null)
        {
            _connectionOwner = Required;
            _connection = _connectionOwner.Rent();
        }

        return _connection;
    }

    /// <summary>Gives the connection back to its snapshot's pool.</summary>
    public void Dispose()
    {
        if (_connection is not null)
        {
            _connectionOwner!.Return(_connection);
            _connection = null;
        }
    }
}

/// <summary>No snapshot could be opened: the API answers 503 with the reason.</summary>
public sealed class SnapshotUnavailableException(string message) : Exception(message);

/// <summary>The warehouse tables the Data page and API show whole.</summary>
internal static class WarehouseTables
{
    public const string Freshness = "mart_freshness";
    public const string Quarantine = "mart_quarantine_summary";
    public const string Lineage = "build_lineage";

    public static readonly HashSet<string> Known = [Freshness, Quarantine, Lineage];
}
