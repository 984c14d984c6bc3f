using Analytics.Dashboard.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Dashboard.Api;

/// <summary>Districts, industry groups and size classes the marts break down by.</summary>
public static class DimensionEndpoints
{
    /// <summary>Maps <c>/api/districts</c>, <c>/api/industries</c> and <c>/api/size-classes</c>.</summary>
    public static IEndpointRouteBuilder MapDimensions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Dimensions").RequireAuthorization(Analytics.Accounts.Policies.Reader);
        group.MapGet("/districts", (string? plan, Warehouse w) => ForPlan(plan, w, c => c.Districts, d => d.Plan));
        group.MapGet("/industries", (string? plan, Warehouse w) => ForPlan(plan, w, c => c.Industries, d => d.Plan));
        group.MapGet("/size-classes", (Warehouse w) => TypedResults.Ok(w.Catalog.SizeClasses));
        return app;
    }

    private static Results<Ok<List<T>>, ValidationProblem> ForPlan<T>(
        string? plan, Warehouse w, Func<SnapshotCatalog, IReadOnlyList<T>> all, Func<T, string> planOf)
    {
        if (plan is not null && w.Catalog.Plan(plan) is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["plan"] = [$"There is no plan '{(plan.Length > 40 ? plan[..40] : plan)}': see /api/plans."] });
        }

        return TypedResults.Ok(all(w.Catalog).Where(x => plan is null || planOf(x) == plan).ToList());
    }
}
