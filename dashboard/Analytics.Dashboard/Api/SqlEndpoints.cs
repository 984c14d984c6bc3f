using Analytics.Dashboard.Localization;
using Analytics.Dashboard.SqlConsole;
using Analytics.Snapshots.Results;
using Analytics.Snapshots.Sql;
using Microsoft.AspNetCore.Mvc;

namespace Analytics.Dashboard.Api;

/// <summary>The SQL console's downloads: the console form posted here (antiforgery-checked, as every form post).</summary>
public static class SqlEndpoints
{
    /// <summary>The download addresses and their formats: <c>POST /sql/csv</c>, <c>/sql/json</c>, <c>/sql/arrow</c>.</summary>
    public static readonly IReadOnlyDictionary<string, ResultFormat> Downloads = new Dictionary<string, ResultFormat>(StringComparer.OrdinalIgnoreCase)
    {
        ["/sql/csv"] = ResultFormat.Csv,
        ["/sql/json"] = ResultFormat.Json,
        ["/sql/arrow"] = ResultFormat.Arrow,
    };

    /// <summary>Maps the downloads.</summary>
    public static IEndpointRouteBuilder MapSqlConsole(this IEndpointRouteBuilder app)
    {
        foreach (var (path, format) in Downloads)
        {
            app.MapPost(path, ([FromForm(Name = "sql")] string? sql, HttpContext context, SqlConsoleRunner runner) => RunAsync(sql, format, context, runner))
                .WithTags("SQL console")
                .WithSummary($"Runs a query into a {ResultMedia.Name(format)} file")
                .Produces<Stream>(StatusCodes.Status200OK, ResultMedia.ContentType(format))
                .ProducesProblem(StatusCodes.Status400BadRequest)
                .RequireAuthorization(Analytics.Accounts.Policies.Analyst);
        }

        return app;
    }

    /// <summary>
    /// Runs the query into a file in a worker and sends it (the dashboard holds none of it in memory), with its row count
    /// in the <c>X-Analytics-Rows</c> header. A result cut at a cap says so in its file name and in the
    /// <c>X-Analytics-Truncated</c> header (<c>rows</c> or <c>bytes</c>).
    /// </summary>
    internal static async Task<IResult> RunAsync(string? sql, ResultFormat format, HttpContext context, SqlConsoleRunner runner)
    {
        var result = await runner.RunDownloadAsync(sql, format, SqlRequestGate.Requester(context), context.RequestAborted).ConfigureAwait(false);
        if (result.Problem is { } problem)
        {
            var english = RequestCultureMiddleware.IsEnglish(context);
            return TypedResults.Problem(title: problem.Message(!english), detail: problem.Detail, statusCode: StatusOf(problem));
        }

        context.Response.Headers["X-Analytics-Rows"] = result.Rows.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var extension = ResultMedia.Extension(format);
        var name = "query" + extension;
        if (result.Truncation != Truncation.None)
        {
            context.Response.Headers["X-Analytics-Truncated"] = result.Truncation.ToString().ToLowerInvariant();
            name = $"query-first-{result.Rows}-rows{extension}";
        }

        var file = new FileStream(result.File!, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        return TypedResults.File(file, ResultMedia.ContentType(format), name);
    }

    private static int StatusOf(SqlProblem problem) => problem.Kind switch
    {
        SqlProblemKind.Busy or SqlProblemKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        SqlProblemKind.WorkerFailed => StatusCodes.Status500InternalServerError,
        _ => StatusCodes.Status400BadRequest,
    };
}
