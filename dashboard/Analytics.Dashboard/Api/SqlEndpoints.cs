using Analytics.Dashboard.Api;
using Analytics.Dashboard.SqlConsole;
using Microsoft.AspNetCore.Mvc;

namespace Analytics.Dashboard.Api;

/// <summary>The SQL console's CSV download: the console form posted here (antiforgery-checked, as every form post).</summary>
public static class SqlEndpoints
{
    /// <summary>Maps <c>POST /sql/csv</c>.</summary>
    public static IEndpointRouteBuilder MapSqlConsole(this IEndpointRouteBuilder app)
    {
        app.MapPost("/sql/csv", RunCsv).WithTags("SQL console");
        return app;
    }

    internal static async Task<IResult> RunCsv([FromForm(Name = "sql")] string? sql, HttpContext context, SqlConsoleRunner runner)
    {
        var result = await runner.RunAsync(sql, runner.Options.MaxCsvRows, context.Connection.RemoteIpAddress?.ToString(), context.RequestAborted)
            .ConfigureAwait(false);
        return result.Table is { } table
            ? Csv.File(Csv.Of(table), "query.csv")
            : TypedResults.Problem(title: "The query did not run.", detail: result.Error, statusCode: StatusCodes.Status400BadRequest);
    }
}
