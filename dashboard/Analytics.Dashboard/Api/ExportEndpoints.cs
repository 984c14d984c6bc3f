using Analytics.Dashboard.Data;
using Analytics.Dashboard.Exports;
using Analytics.Dashboard.Localization;
using Analytics.Dashboard.Presentation;
using Analytics.Snapshots.Results;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Dashboard.Api;

/// <summary>
/// Downloads of the pages' tables: an indicator's series and breakdowns as Excel workbooks (their CSV is in
/// <see cref="IndicatorEndpoints"/>), a plan's status grid and a district's or industry group's table as CSV and Arrow
/// (mart rows, <see cref="MartFiles"/>) and Excel (<see cref="XlsxWriter"/>). The rows are the pages' own, as this reader may see them.
/// </summary>
public static class ExportEndpoints
{
    /// <summary>Maps the <c>.xlsx</c> downloads of <c>/api/indicators/{id}/…</c> and <c>/api/plans/{plan}/grid|cells.csv|.xlsx|.arrow</c>.</summary>
    public static IEndpointRouteBuilder MapExports(this IEndpointRouteBuilder app)
    {
        var indicators = app.MapGroup("/api/indicators").WithTags("Exports").RequireAuthorization(Analytics.Accounts.Policies.Reader);
        Declare(indicators.MapGet("/{id}/series.xlsx", SeriesXlsx), XlsxWriter.ContentType);
        Declare(indicators.MapGet("/{id}/breakdown.xlsx", BreakdownXlsx), XlsxWriter.ContentType);
        var plans = app.MapGroup("/api/plans").WithTags("Exports").RequireAuthorization(Analytics.Accounts.Policies.Reader);
        foreach (var (extension, format, type) in new[] { ("csv", Download.Csv, "text/csv"), ("xlsx", Download.Xlsx, XlsxWriter.ContentType), ("arrow", Download.Arrow, ResultMedia.Arrow) })
        {
            Declare(plans.MapGet("/{plan}/grid." + extension, (string plan, string? year, string? by, HttpContext c, Warehouse w, UiContext ui) =>
                Grid(plan, year, by, c, w, ui, format)), type);
            Declare(plans.MapGet("/{plan}/cells." + extension, (string plan, string? year, string? district, string? industry, string? by, HttpContext c, Warehouse w, UiContext ui) =>
                Cells(plan, year, district, industry, by, c, w, ui, format)), type);
        }

        return app;
    }

    internal static IResult SeriesXlsx(string id, string? district, string? industry, string? size, HttpContext context, Warehouse w, UiContext ui)
    {
        var result = IndicatorEndpoints.Series(id, district, industry, size, w).Result;
        if (result is not Ok<IndicatorEndpoints.SeriesResponse> { Value: { } s })
        {
            return result;
        }

        var table = Tables(context, w, ui).Series(s.Indicator, s.Cell, s.Points);
        return Xlsx(table, ui, FileName(w, id, "series", s.Cell.District, s.Cell.Industry, s.Cell.Size));
    }

    internal static IResult BreakdownXlsx(
        string id, string? by, string? year, string? district, string? industry, string? size, HttpContext context, Warehouse w, UiContext ui)
    {
        var result = IndicatorEndpoints.Breakdown(id, by, year, district, industry, size, w).Result;
        if (result is not Ok<IndicatorEndpoints.BreakdownResponse> { Value: { } b })
        {
            return result;
        }

        var table = Tables(context, w, ui).Breakdown(b.Indicator, b.By, b.Year, b.Cell, b.Rows);
        return Xlsx(table, ui, FileName(w, id, "by", b.By, b.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>The overview's status grid: for each indicator of the grid, the city's row and each district's (or industry group's) of the year.</summary>
    internal static IResult Grid(string plan, string? year, string? by, HttpContext context, Warehouse w, UiContext ui, Download format)
    {
        if (w.Catalog.Plan(plan) is not { } p)
        {
            return UnknownPlan(plan);
        }

        var errors = new Dictionary<string, string[]>();
        var y = PlanYears.Select(year, p, RequestCultureMiddleware.English, errors);
        var breakdown = IndicatorEndpoints.By(by, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var grid = StatusGrid.Build(w, p, y, breakdown, ui.English);
        var name = FileName(w, p.Plan, "grid", breakdown, Year(y));
        return format == Download.Xlsx
            ? Xlsx(Tables(context, w, ui).Grid(p, grid), ui, name)
            : MartFiles.Of(grid.Columns.SelectMany((_, c) => new[] { grid.City.Cells[c] }.Concat(grid.Rows.Select(r => r.Cells[c]))).OfType<MartRow>(), Table(format), name, w);
    }

    /// <summary>
    /// A district's or industry group's table (its page's): the plan's top-level indicators for the year, each row
    /// followed by the row it is compared with — the city's for a district (<c>by=district</c>, the default when a
    /// district is given), the district's all industries for an industry group (<c>by=industry</c>).
    /// </summary>
    internal static IResult Cells(
        string plan, string? year, string? district, string? industry, string? by, HttpContext context, Warehouse w, UiContext ui, Download format)
    {
        if (w.Catalog.Plan(plan) is not { } p)
        {
            return UnknownPlan(plan);
        }

        var errors = new Dictionary<string, string[]>();
        var y = PlanYears.Select(year, p, RequestCultureMiddleware.English, errors);
        var cell = Filters.Validate(w.Catalog, p.Plan, district, industry, null, errors);
        var page = IndicatorEndpoints.By(by ?? (string.IsNullOrEmpty(district) || district == Filters.All ? "industry" : "district"), errors);
        if (cell is not null && (page == "district" ? cell.District : cell.Industry) == Filters.All)
        {
            errors[page] = [$"Give the {(page == "district" ? "district" : "industry group")} of the table: see /api/{(page == "district" ? "districts" : "industries")}?plan={p.Plan}."];
        }

        if (errors.Count > 0 || cell is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var here = w.PlanCell(p.Plan, cell.District, cell.Industry);
        var city = page == "district" ? w.PlanCell(p.Plan, Filters.All, cell.Industry) : w.PlanCell(p.Plan, cell.District, Filters.All);
        var indicators = w.Catalog.IndicatorsOf(p.Plan).Where(i => i.ParentId is null).ToList();
        var name = FileName(w, p.Plan, "cells", cell.District, cell.Industry, Year(y));
        if (format != Download.Xlsx)
        {
            var rows = indicators.SelectMany(i => new[] { here, city }.Select(rows => rows.FirstOrDefault(r => r.IndicatorId == i.Id && r.Year == y))).OfType<MartRow>();
            return MartFiles.Of(rows, Table(format), name, w);
        }

        return Xlsx(Tables(context, w, ui).Cells(p, y, cell, indicators, here, city), ui, name);
    }

    /// <summary>What a plan table is downloaded as.</summary>
    internal enum Download
    {
        /// <summary>Mart rows as CSV.</summary>
        Csv,

        /// <summary>The page's table as an Excel workbook.</summary>
        Xlsx,

        /// <summary>Mart rows as an Arrow IPC stream.</summary>
        Arrow,
    }

    private static TableFormat Table(Download format) => format == Download.Arrow ? TableFormat.Arrow : TableFormat.Csv;

    private static TableExports Tables(HttpContext context, Warehouse w, UiContext ui) => new(w, ui, context.User, TimeProvider.System);

    private static FileContentHttpResult Xlsx(ExportTable table, UiContext ui, string name) =>
        TypedResults.File(XlsxWriter.Write(table, ui), XlsxWriter.ContentType, name + ".xlsx");

    /// <summary>A download's name from its parts, ASCII only (a size class by its English name, other characters dropped).</summary>
    private static string FileName(Warehouse w, params string[] parts) => string.Join("-", parts.Select(part =>
    {
        var english = w.Catalog.SizeClasses.FirstOrDefault(s => s.Code == part)?.NameEn ?? part;
        var ascii = new string(english.Where(ch => char.IsAsciiLetterOrDigit(ch) || ch is '_' or '-').ToArray());
        return ascii.Length > 0 ? ascii : "x";
    }));

    private static string Year(int year) => year.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static ProblemHttpResult UnknownPlan(string plan) =>
        Problems.NotFound($"There is no plan '{Filters.Shown(plan)}'.", "Plans are listed at /api/plans.");

    private static void Declare(RouteHandlerBuilder endpoint, string contentType) => endpoint
        .Produces<Stream>(StatusCodes.Status200OK, contentType)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound);
}
