using System.Globalization;
using Analytics.DuckDb;
using Analytics.Snapshots;
using Analytics.Snapshots.Formatting;
using Analytics.Notebooks.Api;

namespace Analytics.Notebooks.Running;

/// <summary>
/// The snapshot a run reads, opened read-only for the whole run: queries, the as-of facts and the indicator catalog.
/// </summary>
internal sealed class SnapshotSource : IDisposable
{
    private readonly DuckDbConnection _connection;

    private SnapshotSource(string path, DuckDbConnection connection)
    {
        Path = path;
        _connection = connection;
        Summary = ReadSummary();
    }

    public string Path { get; }

    public SnapshotSummary Summary { get; }

    /// <summary>Opens the snapshot <paramref name="path"/> names (a <c>.duckdb</c> file, or a snapshot folder's current one: <see cref="SnapshotResolver"/>).</summary>
    /// <exception cref="SnapshotNotFoundException">Nothing is published there.</exception>
    public static SnapshotSource Open(string path)
    {
        var file = SnapshotResolver.Resolve(path);
        var connection = SnapshotConnections.OpenReadOnly(file);
        try
        {
            return new SnapshotSource(file, connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Runs a query with named parameters (<c>$name</c>) and reads every row.</summary>
    public DataFrame Query(string sql, IReadOnlyDictionary<string, object?> parameters)
    {
        using var command = _connection.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(name, value);
        }

        using var reader = command.ExecuteReader();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return new DataFrame(columns, rows);
    }

    public bool HasTable(string name) =>
        Query("SELECT 1 FROM duckdb_tables() WHERE table_name = $t UNION ALL SELECT 1 FROM duckdb_views() WHERE view_name = $t",
            new Dictionary<string, object?> { ["t"] = name }).Count > 0;

    /// <summary>The catalog's definitions of <paramref name="ids"/> in catalog order; ids the catalog lacks are left out.</summary>
    public IReadOnlyList<IndicatorDefinition> Definitions(IEnumerable<string> ids)
    {
        var wanted = ids.Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0 || !HasTable("indicator_catalog"))
        {
            return [];
        }

        var targets = HasTable("indicator_target_current");
        var formats = Query("SELECT count(*) AS n FROM information_schema.columns WHERE table_name = 'indicator_catalog' AND column_name IN ('value_format', 'decimals')",
            new Dictionary<string, object?>())[0].Integer("n") == 2 ? "c.value_format, c.decimals" : "NULL AS value_format, NULL AS decimals";
        var sql = targets
            ? $$"""
              SELECT c.indicator_id, c.plan, c.name_zh, c.name_en, c.definition_zh, c.definition_en, c.unit, c.kind, c.caveat_zh, {{formats}},
                     t.comparator, t.target_value, t.target_year, t.baseline_year
              FROM indicator_catalog c
              LEFT JOIN (SELECT * FROM indicator_target_current WHERE scope IN ('city', 'every_cell')
                         QUALIFY row_number() OVER (PARTITION BY indicator_id ORDER BY target_year DESC) = 1) t
                ON t.indicator_id = c.indicator_id
              WHERE list_contains(string_split($ids, ','), c.indicator_id)
              ORDER BY c.sort_order
              """
            : $$"""
              SELECT indicator_id, plan, name_zh, name_en, definition_zh, definition_en, unit, kind, caveat_zh, {{formats}},
                     NULL AS comparator, NULL AS target_value, NULL AS target_year, NULL AS baseline_year
              FROM indicator_catalog WHERE list_contains(string_split($ids, ','), indicator_id) ORDER BY sort_order
              """;
        var frame = Query(sql, new Dictionary<string, object?> { ["ids"] = string.Join(",", wanted) });
        return frame.Rows.Select(r => new IndicatorDefinition(
            r.Text("indicator_id")!, r.Text("plan") ?? "", r.Text("name_zh") ?? "", r.Text("name_en") ?? "",
            r.Text("definition_zh") ?? "", r.Text("definition_en") ?? "", r.Text("unit") ?? "", r.Text("kind") ?? "",
            r.Text("caveat_zh"), TargetText(r), r.Number("target_value"),
            IndicatorFormat.Of(r.Text("value_format"), (int?)r.Integer("decimals"), r.Text("kind"), r.Text("unit")))).ToList();
    }

    private static string? TargetText(DataFrameRow r)
    {
        if (r.Number("target_value") is not { } value)
        {
            return null;
        }

        var format = IndicatorFormat.Of(r.Text("value_format"), (int?)r.Integer("decimals"), r.Text("kind"), r.Text("unit"));
        var shown = format.Measure.FormatThreshold(value, CultureInfo.InvariantCulture);
        var year = r.Integer("target_year");
        var span = r.Integer("baseline_year") is { } b ? $"{year}（基期 baseline {b}）" : $"{year}（每年 each year）";
        return $"{r.Text("comparator")} {shown} · {span}";
    }

    private SnapshotSummary ReadSummary()
    {
        var name = System.IO.Path.GetFileNameWithoutExtension(Path);
        var built = File.GetLastWriteTimeUtc(Path);
        if (HasTable("snapshot_info"))
        {
            var info = Query("SELECT snapshot, built_at_utc FROM snapshot_info LIMIT 1", new Dictionary<string, object?>());
            if (info.Count > 0)
            {
                name = info[0].Text("snapshot") ?? name;
                built = info[0]["built_at_utc"] is DateTime b ? b : built;
            }
        }

        var asOf = DateOnly.FromDateTime(built);
        if (HasTable("mart_freshness"))
        {
            var latest = Query("SELECT max(latest_as_of) AS d FROM mart_freshness", new Dictionary<string, object?>());
            if (latest.Count > 0 && latest[0]["d"] is DateTime d)
            {
                asOf = DateOnly.FromDateTime(d);
            }
            else if (latest.Count > 0 && latest[0]["d"] is DateOnly o)
            {
                asOf = o;
            }
        }

        return new SnapshotSummary(Path, name, built, asOf);
    }

    public void Dispose() => _connection.Dispose();
}
