using Analytics.Dashboard.Data;

namespace Analytics.Dashboard.Presentation;

/// <summary>
/// Where a plan is behind, at a glance: its indicators with a target (columns) × the city and its districts, or its
/// industry groups (rows), each cell the mart's row for the year in view as this reader may see it.
/// </summary>
/// <param name="By"><c>district</c> or <c>industry</c>.</param>
/// <param name="Year">The year in view.</param>
/// <param name="Columns">The plan's top-level indicators that have a target.</param>
/// <param name="City">The whole city's row.</param>
/// <param name="Rows">One row per district or industry group, in the catalog's order.</param>
public sealed record StatusGrid(string By, int Year, IReadOnlyList<IndicatorInfo> Columns, StatusGridRow City, IReadOnlyList<StatusGridRow> Rows)
{
    /// <summary>Breakdowns the grid offers.</summary>
    public static readonly IReadOnlyList<string> Breakdowns = ["district", "industry"];

    /// <summary>The grid of <paramref name="plan"/> for <paramref name="year"/>, by district or industry group.</summary>
    public static StatusGrid Build(Warehouse w, PlanInfo plan, int year, string by, bool english)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(plan);
        var columns = w.Catalog.IndicatorsOf(plan.Plan).Where(i => i.ParentId is null && i.TargetValue is not null).ToList();
        var cells = columns.Select(i => (by == "industry"
                ? w.ByIndustry(i.Id, year, Filters.All, Filters.All).ToDictionary(r => r.IndustryGroup, StringComparer.Ordinal)
                : w.ByDistrict(i.Id, year, Filters.All, Filters.All).ToDictionary(r => r.DistrictCode, StringComparer.Ordinal)))
            .ToList();
        var city = new StatusGridRow(Filters.All, "", columns
            .Select(i => w.Series(i.Id, Filters.All, Filters.All, Filters.All).FirstOrDefault(r => r.Year == year)).ToList());
        var keys = by == "industry"
            ? w.Catalog.IndustriesOf(plan.Plan).Select(g => (g.Code, Name: english ? g.NameEn ?? g.NameZh : g.NameZh))
            : w.Catalog.DistrictsOf(plan.Plan).Select(d => (d.Code, Name: english ? d.NameEn ?? d.NameZh : d.NameZh));
        var rows = keys.Select(k => new StatusGridRow(k.Code, k.Name, cells.Select(c => c.GetValueOrDefault(k.Code)).ToList())).ToList();
        return new StatusGrid(by, year, columns, city, rows);
    }

    /// <summary>How many cells of the grid have each status (city row excluded), for the summary line.</summary>
    public IReadOnlyDictionary<string, int> Tally() => Rows.SelectMany(r => r.Cells)
        .Where(c => c is { Withheld: false, Status: not null })
        .GroupBy(c => c!.Status!, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}

/// <summary>One row of a <see cref="StatusGrid"/>: a district or industry group (or the city) and its cell per column.</summary>
public sealed record StatusGridRow(string Code, string Name, IReadOnlyList<MartRow?> Cells)
{
    /// <summary>How many of the row's indicators are behind their path (at risk or off track).</summary>
    public int Behind => Cells.Count(c => c is { Withheld: false, Status: "at_risk" or "off_track" });

    /// <summary>How many of the row's cells are judged (have a status this reader sees).</summary>
    public int Judged => Cells.Count(c => c is { Withheld: false, Status: not null });
}
