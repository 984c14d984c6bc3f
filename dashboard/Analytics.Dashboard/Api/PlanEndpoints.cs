using Analytics.Dashboard.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Dashboard.Api;

/// <summary>Plans and their indicators with definitions.</summary>
public static class PlanEndpoints
{
    /// <summary>Maps <c>/api/plans</c>.</summary>
    public static IEndpointRouteBuilder MapPlans(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/plans").WithTags("Plans").RequireAuthorization(Analytics.Accounts.Policies.Reader);
        group.MapGet("/", (Warehouse w) => TypedResults.Ok(w.Catalog.Plans));
        group.MapGet("/{plan}", GetPlan);
        return app;
    }

    /// <summary>A plan and its indicators.</summary>
    public sealed record PlanResponse(PlanInfo Plan, IReadOnlyList<IndicatorInfo> Indicators);

    internal static Results<Ok<PlanResponse>, ProblemHttpResult> GetPlan(string plan, Warehouse w) =>
        w.Catalog.Plan(plan) is { } p
            ? TypedResults.Ok(new PlanResponse(p, w.Catalog.IndicatorsOf(plan).ToList()))
            : Problems.NotFound($"There is no plan '{plan}'.", "Plans are listed at /api/plans.");
}
