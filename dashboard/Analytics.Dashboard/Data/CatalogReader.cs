using System.Globalization;
using Analytics.DuckDb;

namespace Analytics.Dashboard.Data;

/// <summary>
/// Reads a snapshot's catalog. The marts are the contract (<c>mart_indicator</c> must exist); the dimension and
/// catalog tables (<c>dim_plan</c>, <c>indicator_catalog</c>, <c>dim_district</c>, <c>dim_industry_group</c>,
/// <c>dim_size_class</c>, <c>build_lineage</c>) are read by column name and may be missing, in which case ids stand in for names.
/// </summary>
internal static class CatalogReader
{
    private const string MartYears =
        "SELECT indicator_id, plan, min(year) AS first_year, max(year) AS last_year, " +
        "max(year) FILTER (WHERE value IS NOT NULL) AS data_year FROM mart_indicator GROUP BY ALL ORDER BY ALL";

    private const string CityTargets =
        "SELECT indicator_id, arg_max(target_value, year) AS target_value, arg_max(target_year, year) AS target_year, " +
        "arg_max(comparator, year) AS comparator, arg_max(baseline_year, year) AS baseline_year FROM mart_indicator " +
        "WHERE district_code = 'ALL' AND industry_group = 'ALL' AND size_class = 'ALL' AND target_value IS NOT NULL GROUP BY ALL";

    private const string MartDistricts =
        "SELECT plan, district_code, any_value(district_name_zh) AS name_zh FROM mart_indicator WHERE district_code <> 'ALL' GROUP BY ALL ORDER BY ALL";

    private const string MartIndustries = "SELECT DISTINCT plan, industry_group FROM mart_indicator WHERE industry_group <> 'ALL' ORDER BY ALL";

    private const string MartSizes = "SELECT DISTINCT size_class FROM mart_indicator WHERE size_class <> 'ALL' ORDER BY ALL";

    public static SnapshotCatalog Read(DuckDbConnection c)
    {
        var tables = Tables(c);
        if (!tables.Contains("mart_indicator"))
        {
            throw new InvalidDataException($"The snapshot '{c.DataSource}' has no mart_indicator table: it is not a warehouse snapshot.");
        }

        var years = Query(c, MartYears).ToDictionary(r => r.Get("indicator_id")!, StringComparer.Ordinal);
        var targets = Query(c, CityTargets).ToDictionary(r => r.Get("indicator_id")!, StringComparer.Ordinal);
        var versions = TargetVersions(c, tables);
        var catalogRows = tables.Contains("indicator_catalog") ? Query(c, "SELECT * FROM indicator_catalog") : [];
        var byId = catalogRows.ToDictionary(r => r.Get("indicator_id")!, StringComparer.Ordinal);

        var indicators = years.Values.Select(y =>
        {
            var id = y.Get("indicator_id")!;
            var cat = byId.GetValueOrDefault(id) ?? new Dictionary<string, object?>();
            var t = targets.GetValueOrDefault(id) ?? new Dictionary<string, object?>();
            return new IndicatorInfo(
                id, y.Get("plan")!, Blank(cat.Get("parent_id")), cat.GetInt("sort_order") ?? 1000, cat.Get("name_zh") ?? id, cat.Get("name_en"),
                cat.Get("plan_sentence"), cat.Get("definition_zh"), cat.Get("definition_en"), cat.Get("kind"), cat.Get("unit"),
                cat.Get("source_feed"), Blank(cat.Get("caveat_zh")), Blank(cat.Get("caveat_en")),
                y.GetInt("first_year")!.Value, y.GetInt("last_year")!.Value,
                double.TryParse(t.Get("target_value"), NumberStyles.Float, CultureInfo.InvariantCulture, out var tv) ? tv : null,
                t.GetInt("target_year"), t.Get("comparator"), t.GetInt("baseline_year"), versions.GetValueOrDefault(id),
                cat.Get("value_format"), cat.GetInt("decimals"), Blank(cat.Get("apportion")), Blank(cat.Get("short_zh")), Blank(cat.Get("short_en")));
        }).OrderBy(i => i.Plan, StringComparer.Ordinal).ThenBy(i => i.SortOrder).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();

        var plans = Plans(c, tables, years.Values);
        var districts = Districts(c, tables);
        var industries = Industries(c, tables);
        var sizes = Sizes(c, tables);
        DateTimeOffset? builtAt = null;
        if (tables.Contains("build_lineage") && Columns(c, "build_lineage").Contains("built_at"))
        {
            using var cmd = c.CreateCommand("SELECT max(built_at)::TIMESTAMP FROM build_lineage");
            if (cmd.ExecuteScalar() is DateTime t)
            {
                builtAt = new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc));
            }
        }

        builtAt ??= File.Exists(c.DataSource) ? File.GetLastWriteTimeUtc(c.DataSource) : null;
        return new SnapshotCatalog(plans, indicators, districts, industries, sizes, builtAt);
    }

    private static List<PlanInfo> Plans(DuckDbConnection c, HashSet<string> tables, IEnumerable<Dictionary<string, object?>> years)
    {
        var span = years.GroupBy(y => y.Get("plan")!).ToDictionary(
            g => g.Key, g => (First: g.Min(y => y.GetInt("first_year")!.Value), Last: g.Max(y => y.GetInt("last_year")!.Value),
                Data: g.Max(y => y.GetInt("data_year"))));
        var rows = tables.Contains("dim_plan") ? Query(c, "SELECT * FROM dim_plan") : [];
        var byPlan = rows.ToDictionary(r => r.Get("plan")!, StringComparer.Ordinal);
        return span.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s =>
        {
            var p = byPlan.GetValueOrDefault(s.Key) ?? new Dictionary<string, object?>();
            return new PlanInfo(s.Key, p.Get("name_zh") ?? s.Key, p.Get("name_en"), p.Get("document_no"), p.GetInt("start_year"),
                p.GetInt("baseline_year"), p.GetInt("target_year"), s.Value.First, s.Value.Last, s.Value.Data);
        }).ToList();
    }

    private static List<DistrictInfo> Districts(DuckDbConnection c, HashSet<string> tables)
    {
        var english = tables.Contains("dim_district") && Columns(c, "dim_district").Contains("name_en")
            ? Query(c, "SELECT district_code, name_en FROM dim_district").Where(r => r.Get("name_en") is not null)
                .GroupBy(r => r.Get("district_code")!).ToDictionary(g => g.Key, g => g.First().Get("name_en"))
            : [];
        return Query(c, MartDistricts).Select(r => new DistrictInfo(
            r.Get("plan")!, r.Get("district_code")!, r.Get("name_zh") ?? r.Get("district_code")!,
            english.GetValueOrDefault(r.Get("district_code")!))).ToList();
    }

    private static List<IndustryInfo> Industries(DuckDbConnection c, HashSet<string> tables)
    {
        var names = tables.Contains("dim_industry_group")
            ? Query(c, "SELECT * FROM dim_industry_group").ToDictionary(r => (r.Get("plan")!, r.Get("group_code")!))
            : [];
        return Query(c, MartIndustries).Select(r =>
        {
            var key = (r.Get("plan")!, r.Get("industry_group")!);
            var n = names.GetValueOrDefault(key);
            return new IndustryInfo(key.Item1, key.Item2, n?.Get("group_zh") ?? key.Item2, n?.Get("group_en"), n?.GetInt("sort_order") ?? 1000);
        }).OrderBy(i => i.Plan, StringComparer.Ordinal).ThenBy(i => i.SortOrder).ThenBy(i => i.Code, StringComparer.Ordinal).ToList();
    }

    private static List<SizeClassInfo> Sizes(DuckDbConnection c, HashSet<string> tables)
    {
        var names = tables.Contains("dim_size_class")
            ? Query(c, "SELECT * FROM dim_size_class").ToDictionary(r => r.Get("size_class")!)
            : [];
        return Query(c, MartSizes).Select(r =>
        {
            var code = r.Get("size_class")!;
            var n = names.GetValueOrDefault(code);
            return new SizeClassInfo(code, n?.Get("name_en"), n?.GetInt("sort_order") ?? 1000);
        }).OrderBy(s => s.SortOrder).ThenBy(s => s.Code, StringComparer.Ordinal).ToList();
    }

    internal static HashSet<string> Tables(DuckDbConnection c) =>
        Query(c, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'")
            .Select(r => r.Get("table_name")!).ToHashSet(StringComparer.Ordinal);

    private static HashSet<string> Columns(DuckDbConnection c, string table)
    {
        using var cmd = c.CreateCommand("SELECT column_name FROM information_schema.columns WHERE table_schema = 'main' AND table_name = $t");
        cmd.Parameters.Add("t", table);
        using var r = cmd.ExecuteReader();
        return Db.ReadAll(r).Select(x => x.Get("column_name")!).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The target version in force per indicator (snapshots built before targets had authors give version and source only).</summary>
    private static Dictionary<string, TargetVersionInfo> TargetVersions(DuckDbConnection c, HashSet<string> tables)
    {
        if (!tables.Contains("indicator_target_current"))
        {
            return new Dictionary<string, TargetVersionInfo>(StringComparer.Ordinal);
        }

        return Query(c, "SELECT * FROM indicator_target_current")
            .GroupBy(r => r.Get("indicator_id")!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g =>
            {
                var r = g.First();
                return new TargetVersionInfo(r.GetInt("version") ?? 1, Blank(r.Get("source_document")), Blank(r.Get("recorded_by")),
                    r.GetValueOrDefault("recorded_at") is DateTimeOffset at ? at : r.GetValueOrDefault("recorded_at") is DateTime dt ? new DateTimeOffset(dt, TimeSpan.Zero) : null,
                    Blank(r.Get("reason")));
            }, StringComparer.Ordinal);
    }

    private static List<Dictionary<string, object?>> Query(DuckDbConnection c, string sql)
    {
        using var cmd = c.CreateCommand(sql);
        using var r = cmd.ExecuteReader();
        return Db.ReadAll(r);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
