using Analytics.Dashboard.Data;
using Analytics.Snapshots.Results;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Dashboard.Api;

/// <summary>Data freshness per feed, the loads the snapshot was built from, and quarantine counts by rule.</summary>
public static class DataStatusEndpoints
{
    /// <summary>Maps <c>/api/data/…</c> and the trivial <c>/api/ping</c> (the benchmark's ceiling).</summary>
    public static IEndpointRouteBuilder MapDataStatus(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/data").WithTags("Data").RequireAuthorization(Analytics.Accounts.Policies.Reader);
        group.MapGet("/snapshot", (Warehouse w) => TypedResults.Ok(new SnapshotResponse(
            Path.GetFileName(w.Snapshot!.Path), w.Catalog.BuiltAt, w.Catalog.Plans,
            w.Snapshot.Fallback is { } f ? new FallbackResponse(f.Wanted, f.Reason) : null, w.Snapshot.Verified)));
        foreach (var (path, table) in new[] { ("freshness", WarehouseTables.Freshness), ("loads", WarehouseTables.Lineage), ("quarantine", WarehouseTables.Quarantine) })
        {
            group.MapGet("/" + path, (HttpContext c, Warehouse w) => TableOrNotFound(w, table, TableFormats.Negotiate(c.Request) == TableFormat.Arrow, c))
                .Produces<TableResponse>().ProducesProblem(404).AlsoAsArrow($"/api/data/{path}.arrow");
            group.MapGet("/" + path + ".arrow", (HttpContext c, Warehouse w) => TableOrNotFound(w, table, arrow: true, c))
                .Produces<Stream>(StatusCodes.Status200OK, ResultMedia.Arrow).ProducesProblem(404);
        }

        app.MapGet("/api/ping", () => TypedResults.Text("ok")).WithTags("Data").AllowAnonymous();
        return app;
    }

    /// <summary>
    /// The snapshot served: file name, build time, plans and their data years; <c>fallback</c> when it is an older
    /// snapshot served because the current one is damaged; <c>verified</c> once its whole file matched the SHA-256
    /// recorded at its publish.
    /// </summary>
    public sealed record SnapshotResponse(string File, DateTimeOffset? BuiltAt, IReadOnlyList<PlanInfo> Plans, FallbackResponse? Fallback, bool Verified);

    /// <summary>The current snapshot's file name (<c>wanted</c>) and why it is not served (<c>reason</c>).</summary>
    public sealed record FallbackResponse(string Wanted, string Reason);

    /// <summary>A whole small table: its column names, its rows as text, and whether it was cut at 500 rows.</summary>
    public sealed record TableResponse(IReadOnlyList<string> Columns, IReadOnlyList<string?[]> Rows, bool Capped)
    {
        /// <summary>The response for <paramref name="table"/>.</summary>
        public static TableResponse Of(TableResult table) => new(table.ColumnNames, table.Rows, table.Truncation != Truncation.None);
    }

    private static IResult TableOrNotFound(Warehouse w, string table, bool arrow, HttpContext context)
    {
        if (!arrow)
        {
            return w.Table(table) is { } t ? TypedResults.Ok(TableResponse.Of(t)) : Missing(table);
        }

        if (w.TableArrow(table) is not { } a)
        {
            return Missing(table);
        }

        if (a.Capped)
        {
            context.Response.Headers["X-Analytics-Truncated"] = "rows";
        }

        return TypedResults.File(a.Arrow, ResultMedia.Arrow, table + ".arrow");
    }

    private static ProblemHttpResult Missing(string table) =>
        Problems.NotFound($"This snapshot has no {table}.", "It was built before the warehouse wrote that table; rebuild it.");
}
