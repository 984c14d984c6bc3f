using Analytics.Dashboard.Localization;
using Analytics.Dashboard.SqlConsole;
using Analytics.Snapshots.Results;
using Analytics.Snapshots.Sql;
using Microsoft.AspNetCore.Mvc;

namespace Analytics.Dashboard.Api;

/// <summary>The SQL console's CSV download: the console form posted here (antiforgery-checked, as every form post).</summary>
public static class SqlEndpoints
{
    /// <summary>Maps <c>POST /sql/csv</c>.</summary>
    public static IEndpointRouteBuilder MapSqlConsole(this IEndpointRouteBuilder app)
    {
        app.MapPost("/sql/csv", RunCsv).WithTags("SQL console").RequireAuthorization(Analytics.Accounts.Policies.Analyst);
        return app;
    }

    /// <summary>
    /// Runs the query into a CSV file in a worker and sends it (the dashboard holds none of it in memory). A result cut
    /// at a cap says so in its file name and in the <c>X-Analytics-Truncated</c> header (<c>rows</c> or <c>bytes</c>).
    /// </summary>
    internal static async Task<IResult> RunCsv([FromForm(Name = "sql")] string? sql, HttpContext context, SqlConsoleRunner runner)
    {
        var result = await runner.RunCsvAsync(sql, SqlRequestGate.Requester(context), context.RequestAborted).ConfigureAwait(false);
        if (result.Problem is { } problem)
        {
            var english = RequestCultureMiddleware.IsEnglish(context);
            return TypedResults.Problem(title: problem.Message(!english), detail: problem.Detail, statusCode: StatusOf(problem));
        }

        var name = "query.csv";
        if (result.Truncation != Truncation.None)
        {
            context.Response.Headers["X-Analytics-Truncated"] = result.Truncation.ToString().ToLowerInvariant();
            name = $"query-first-{result.Rows}-rows.csv";
        }

        var file = new FileStream(result.File!, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        return TypedResults.File(file, "text/csv; charset=utf-8", name);
    }

    private static int StatusOf(SqlProblem problem) => problem.Kind switch
    {
        SqlProblemKind.Busy or SqlProblemKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        SqlProblemKind.WorkerFailed => StatusCodes.Status500InternalServerError,
        _ => StatusCodes.Status400BadRequest,
    };
}
