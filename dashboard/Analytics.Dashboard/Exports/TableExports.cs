using System.Globalization;
using System.Security.Claims;
using Analytics.Dashboard.Data;
using Analytics.Dashboard.Localization;
using Analytics.Dashboard.Presentation;

namespace Analytics.Dashboard.Exports;

/// <summary>
/// The tables of the pages as downloads: an indicator's series and breakdowns, a plan's status grid, and a district's
/// or industry group's table of indicators beside the city's. Each is built from the mart rows the page reads (already
/// as this reader may see them), so a download never shows more than the page.
/// </summary>
public sealed class TableExports
{
    private readonly Warehouse _w;
    private readonly UiContext _ui;
    private readonly MartColumns _columns;
    private readonly ExportContext _context;

    /// <summary>Exports for this request's reader, in its language.</summary>
    public TableExports(Warehouse w, UiContext ui, ClaimsPrincipal user, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(ui);
        _w = w;
        _ui = ui;
        _columns = new MartColumns(ui, w.Catalog);
        _context = new ExportContext(w, ui, user, clock);
    }

    /// <summary>An indicator's series by year for one cell (the indicator page's table).</summary>
    public ExportTable Series(IndicatorInfo i, CellFilter cell, IReadOnlyList<MartRow> rows)
    {
        ArgumentNullException.ThrowIfNull(i);
        ArgumentNullException.ThrowIfNull(cell);
        var where = Names.Cell(_w.Catalog, i.Plan, cell, _ui);
        string[] year = ["year"];
        var names = year.Concat(MartColumns.Measures([i])).Append("enterprise_count");
        return Table(
            Name(i) + " · " + string.Format(_ui.Culture, _ui["SeriesTitle"], where),
            [.. Head(i), _context.Line("ExportScope", where), Unit(i)],
            Captions.Sources(i, _ui), names, rows.Select(r => (i, r)));
    }

    /// <summary>An indicator's districts or industry groups for a year (the indicator page's rankings).</summary>
    public ExportTable Breakdown(IndicatorInfo i, string by, int year, CellFilter cell, IReadOnlyList<MartRow> rows)
    {
        ArgumentNullException.ThrowIfNull(i);
        ArgumentNullException.ThrowIfNull(cell);
        var byIndustry = by == "industry";
        var scope = Names.Cell(_w.Catalog, i.Plan, byIndustry ? cell with { Industry = Filters.All } : cell with { District = Filters.All }, _ui);
        var keys = byIndustry ? new[] { "industry_group", "industry_name" } : ["district_code", "district_name"];
        return Table(
            $"{Name(i)} · {_ui[byIndustry ? "ByIndustryTitle" : "ByDistrictTitle"]} · {Year(year)}",
            [.. Head(i), _context.Line("Year", Year(year)), _context.Line("ExportScope", scope), Unit(i)],
            Captions.Sources(i, _ui), keys.Concat(MartColumns.Measures([i])).Append("enterprise_count"), rows.Select(r => (i, r)));
    }

    /// <summary>A plan's status grid (the overview's): for each indicator of the grid, the city's row, then each district's or industry group's.</summary>
    public ExportTable Grid(PlanInfo plan, StatusGrid grid)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(grid);
        var byIndustry = grid.By == "industry";
        var keys = byIndustry ? new[] { "industry_group", "industry_name" } : ["district_code", "district_name"];
        var rows = grid.Columns.SelectMany((i, c) => new[] { grid.City.Cells[c] }.Concat(grid.Rows.Select(r => r.Cells[c]))
            .OfType<MartRow>().Select(r => (i, r)));
        return Table(
            _ui.Pick(plan.NameZh, plan.NameEn) + " · " + string.Format(_ui.Culture, _ui[byIndustry ? "GridTitleIndustry" : "GridTitleDistrict"], grid.Year),
            [_context.Plan(plan), _context.Line("Year", Year(grid.Year)), _context.Line("ExportScope", _ui[byIndustry ? "GridByIndustry" : "GridByDistrict"])],
            _ui["FeedsAll"], ["indicator_id", "indicator_name", .. keys, .. MartColumns.Measures(grid.Columns), "unit"], rows);
    }

    /// <summary>A district's or industry group's indicators for a year, each followed by the city's row (the district and industry pages' table).</summary>
    public ExportTable Cells(PlanInfo plan, int year, CellFilter cell, IReadOnlyList<IndicatorInfo> indicators, IReadOnlyList<MartRow> here, IReadOnlyList<MartRow> city)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(indicators);
        var where = Names.Cell(_w.Catalog, plan.Plan, cell, _ui);
        var rows = indicators.SelectMany(i => new[] { At(here, i, year), At(city, i, year) }.OfType<MartRow>().Select(r => (i, r)));
        return Table(
            string.Format(_ui.Culture, _ui["CellTableTitle"], where, year),
            [_context.Plan(plan), _context.Line("Year", Year(year)), _context.Line("ExportScope", where)],
            _ui["FeedsAll"],
            ["indicator_id", "indicator_name", "district_code", "district_name", "industry_group", "industry_name", .. MartColumns.Measures(indicators), "unit"],
            rows);
    }

    private ExportTable Table(string title, IEnumerable<string> head, string sources, IEnumerable<string> names, IEnumerable<(IndicatorInfo I, MartRow R)> rows)
    {
        var columns = names.ToList();
        var list = rows.ToList();
        var withheld = list.Any(x => x.R.Withheld);
        return new ExportTable(
            title,
            [.. head, .. _context.Footer(sources, withheld)],
            columns.Select(_columns.Column).ToList(),
            list.Select(x => (IReadOnlyList<ExportCell>)columns.Select(c => _columns.Cell(c, x.I, x.R)).ToList()).ToList(),
            _ui["SmallCellTip"]);
    }

    private static MartRow? At(IReadOnlyList<MartRow> rows, IndicatorInfo i, int year) => rows.FirstOrDefault(r => r.IndicatorId == i.Id && r.Year == year);

    private IEnumerable<string> Head(IndicatorInfo i) =>
        [_context.Plan(_w.Catalog.Plan(i.Plan)!), _context.Line("Indicator", i.Id + " " + Name(i))];

    private string Unit(IndicatorInfo i) => Measure.IsDoubling(i)
        ? _ui["UnitRatio"]
        : string.Format(_ui.Culture, _ui["UnitLine"], _columns.Unit(i));

    private string Name(IndicatorInfo i) => _ui.Pick(i.NameZh, i.NameEn);

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);
}
