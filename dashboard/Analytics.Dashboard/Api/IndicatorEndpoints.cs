using Analytics.Dashboard.Data;
using Analytics.Snapshots.Results;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Dashboard.Api;

/// <summary>Indicators: definitions, series by year, breakdowns by district or industry group, as JSON, CSV and Arrow.</summary>
public static class IndicatorEndpoints
{
    /// <summary>Maps <c>/api/indicators</c>.</summary>
    public static IEndpointRouteBuilder MapIndicators(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/indicators").WithTags("Indicators").RequireAuthorization(Analytics.Accounts.Policies.Reader);
        group.MapGet("/", List);
        group.MapGet("/{id}", Get);
        group.MapGet("/{id}/series", (string id, string? district, string? industry, string? size, HttpContext c, Warehouse w) =>
            SeriesFile(id, district, industry, size, w, TableFormats.Negotiate(c.Request)))
            .Produces<SeriesResponse>().ProducesProblem(404).ProducesValidationProblem().AlsoAsCsvAndArrow("`…/series.csv` and `…/series.arrow`");
        group.MapGet("/{id}/series.csv", (string id, string? district, string? industry, string? size, Warehouse w) =>
            SeriesFile(id, district, industry, size, w, TableFormat.Csv)).Produces<Stream>(200, "text/csv");
        group.MapGet("/{id}/series.arrow", (string id, string? district, string? industry, string? size, Warehouse w) =>
            SeriesFile(id, district, industry, size, w, TableFormat.Arrow)).Produces<Stream>(200, ResultMedia.Arrow);
        group.MapGet("/{id}/breakdown", (string id, string? by, string? year, string? district, string? industry, string? size, HttpContext c, Warehouse w) =>
            BreakdownFile(id, by, year, district, industry, size, w, TableFormats.Negotiate(c.Request)))
            .Produces<BreakdownResponse>().ProducesProblem(404).ProducesValidationProblem().AlsoAsCsvAndArrow("`…/breakdown.csv` and `…/breakdown.arrow`");
        group.MapGet("/{id}/breakdown.csv", (string id, string? by, string? year, string? district, string? industry, string? size, Warehouse w) =>
            BreakdownFile(id, by, year, district, industry, size, w, TableFormat.Csv)).Produces<Stream>(200, "text/csv");
        group.MapGet("/{id}/breakdown.arrow", (string id, string? by, string? year, string? district, string? industry, string? size, Warehouse w) =>
            BreakdownFile(id, by, year, district, industry, size, w, TableFormat.Arrow)).Produces<Stream>(200, ResultMedia.Arrow);
        return app;
    }

    /// <summary>An indicator's series for one cell.</summary>
    public sealed record SeriesResponse(IndicatorInfo Indicator, CellFilter Cell, IReadOnlyList<MartRow> Points);

    /// <summary>An indicator's breakdown for a year.</summary>
    public sealed record BreakdownResponse(IndicatorInfo Indicator, string By, int Year, CellFilter Cell, IReadOnlyList<MartRow> Rows);

    internal static Results<Ok<IReadOnlyList<IndicatorInfo>>, ValidationProblem> List(string? plan, Warehouse w)
    {
        if (plan is not null && w.Catalog.Plan(plan) is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["plan"] = [$"There is no plan '{plan}': see /api/plans."] });
        }

        return TypedResults.Ok<IReadOnlyList<IndicatorInfo>>(plan is null ? w.Catalog.Indicators : w.Catalog.IndicatorsOf(plan).ToList());
    }

    internal static Results<Ok<IndicatorInfo>, ProblemHttpResult> Get(string id, Warehouse w) =>
        w.Catalog.Indicator(id) is { } i ? TypedResults.Ok(i) : UnknownIndicator(id);

    internal static Results<Ok<SeriesResponse>, ProblemHttpResult, ValidationProblem> Series(
        string id, string? district, string? industry, string? size, Warehouse w)
    {
        if (w.Catalog.Indicator(id) is not { } indicator)
        {
            return UnknownIndicator(id);
        }

        var errors = new Dictionary<string, string[]>();
        if (Filters.Validate(w.Catalog, indicator.Plan, district, industry, size, errors) is not { } cell)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(new SeriesResponse(indicator, cell, w.Series(id, cell.District, cell.Industry, cell.Size)));
    }

    /// <summary>The series as JSON, CSV or Arrow.</summary>
    internal static IResult SeriesFile(string id, string? district, string? industry, string? size, Warehouse w, TableFormat format)
    {
        var result = Series(id, district, industry, size, w).Result;
        return format == TableFormat.Json || result is not Ok<SeriesResponse> { Value: { } s }
            ? result
            : MartFiles.Of(s.Points, format, $"{id}-series-{s.Cell.District}-{s.Cell.Industry}-{s.Cell.Size}", w);
    }

    internal static Results<Ok<BreakdownResponse>, ProblemHttpResult, ValidationProblem> Breakdown(
        string id, string? by, string? year, string? district, string? industry, string? size, Warehouse w)
    {
        if (w.Catalog.Indicator(id) is not { } indicator)
        {
            return UnknownIndicator(id);
        }

        var errors = new Dictionary<string, string[]>();
        by = By(by, errors);

        var y = Filters.Year(indicator, year, errors);
        var cell = Filters.Validate(
            w.Catalog, indicator.Plan, by == "district" ? null : district, by == "industry" ? null : industry, size, errors);
        if (errors.Count > 0 || cell is null || y is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var rows = by == "district" ? w.ByDistrict(id, y.Value, cell.Industry, cell.Size) : w.ByIndustry(id, y.Value, cell.District, cell.Size);
        return TypedResults.Ok(new BreakdownResponse(indicator, by, y.Value, cell, rows));
    }

    /// <summary>The breakdown as JSON, CSV or Arrow.</summary>
    internal static IResult BreakdownFile(
        string id, string? by, string? year, string? district, string? industry, string? size, Warehouse w, TableFormat format)
    {
        var result = Breakdown(id, by, year, district, industry, size, w).Result;
        return format == TableFormat.Json || result is not Ok<BreakdownResponse> { Value: { } b }
            ? result
            : MartFiles.Of(b.Rows, format, $"{id}-by-{b.By}-{b.Year}", w);
    }

    /// <summary><c>district</c> (default) or <c>industry</c>; otherwise an error.</summary>
    internal static string By(string? by, Dictionary<string, string[]> errors)
    {
        by ??= "district";
        if (by is "district" or "industry")
        {
            return by;
        }

        errors["by"] = [$"'{Filters.Shown(by)}' is not a breakdown: use 'district' or 'industry'."];
        return "district";
    }

    private static ProblemHttpResult UnknownIndicator(string id) =>
        Problems.NotFound($"There is no indicator '{(id.Length > 40 ? id[..40] : id)}'.", "Indicators are listed at /api/indicators.");
}
