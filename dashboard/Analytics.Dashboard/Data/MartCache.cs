using Analytics.DuckDb;

namespace Analytics.Dashboard.Data;

/// <summary>
/// <c>mart_indicator</c> held in memory for one snapshot (the snapshot never changes, so neither does this), indexed
/// for the dashboard's three look-ups: a cell's series, a year's districts, a year's industry groups. Read in one
/// query when the snapshot is opened; rows are the mart's own (small cells suppressed as everywhere outside the SQL
/// console). Measured here: a 24-column result costs the provider tens of milliseconds per query whatever its size,
/// so per-request queries could not meet the series endpoint's p99 goal; one bulk read does.
/// </summary>
internal sealed class MartCache
{
    private readonly Dictionary<(string, string, string, string), MartRow[]> _series = [];
    private readonly Dictionary<(string, string, string), List<MartRow>> _districts = [];
    private readonly Dictionary<(string, string, string), List<MartRow>> _industries = [];

    /// <summary>Reads the whole mart, or returns null when it has more than <paramref name="maxRows"/> rows (then pages query it).</summary>
    public static MartCache? Load(DuckDbConnection c, long maxRows)
    {
        using (var count = c.CreateCommand("SELECT count(*) FROM mart_indicator"))
        {
            if (Convert.ToInt64(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > maxRows)
            {
                return null;
            }
        }

        var cache = new MartCache();
        var series = new Dictionary<(string, string, string, string), List<MartRow>>();
        using var cmd = c.CreateCommand("SELECT " + MartRows.Columns + " FROM mart_indicator ORDER BY indicator_id, district_code, industry_group, size_class, year");
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var row = MartRows.Read(r);
            var key = (row.IndicatorId, row.DistrictCode, row.IndustryGroup, row.SizeClass);
            if (!series.TryGetValue(key, out var list))
            {
                series[key] = list = [];
            }

            list.Add(row);
            if (row.DistrictCode != Filters.All)
            {
                Add(cache._districts, (row.IndicatorId, row.IndustryGroup, row.SizeClass), row);
            }

            if (row.IndustryGroup != Filters.All)
            {
                Add(cache._industries, (row.IndicatorId, row.DistrictCode, row.SizeClass), row);
            }
        }

        foreach (var (key, list) in series)
        {
            cache._series[key] = [.. list];
        }

        return cache;
    }

    public IReadOnlyList<MartRow> Series(string id, string district, string industry, string size) =>
        _series.GetValueOrDefault((id, district, industry, size)) ?? [];

    public IReadOnlyList<MartRow> ByDistrict(string id, int year, string industry, string size) =>
        Ranked(_districts.GetValueOrDefault((id, industry, size)), year, r => r.DistrictCode);

    public IReadOnlyList<MartRow> ByIndustry(string id, int year, string district, string size) =>
        Ranked(_industries.GetValueOrDefault((id, district, size)), year, r => r.IndustryGroup);

    private static List<MartRow> Ranked(List<MartRow>? rows, int year, Func<MartRow, string> code) =>
        rows is null ? [] : MartRows.Ranked(rows.Where(r => r.Year == year), code);

    private static void Add<TKey>(Dictionary<TKey, List<MartRow>> index, TKey key, MartRow row)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(row);
    }
}
