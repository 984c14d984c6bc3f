using Analytics.Dashboard.Localization;
using Analytics.Snapshots.Audit;
using Analytics.Snapshots.Sql;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;

namespace Analytics.Dashboard.SqlConsole;

/// <summary>
/// Stands before the console's form posts (<c>POST /sql</c> and the downloads <c>POST /sql/csv</c>, <c>/sql/json</c>, <c>/sql/arrow</c>): a body larger than
/// <see cref="Snapshots.SqlConsoleOptions.MaxRequestBytes"/> and a form without a valid antiforgery token are refused
/// here, written to the audit log like every other refusal, and answered in the reader's language — the page by a
/// redirect back to itself that says why, the download by a problem document.
/// </summary>
internal sealed class SqlRequestGate(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, SqlConsoleRunner runner)
    {
        var page = context.Request.Path.Equals("/sql", StringComparison.OrdinalIgnoreCase);
        var download = Api.SqlEndpoints.Downloads.ContainsKey(context.Request.Path.Value ?? "");
        if (!HttpMethods.IsPost(context.Request.Method) || (!page && !download))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var limit = runner.Options.MaxRequestBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        var requester = Requester(context);
        if (context.Request.ContentLength > limit)
        {
            await RefuseAsync(context, runner, requester, SqlRefusal.Oversize, SqlMessages.Size(limit), page, StatusCodes.Status413PayloadTooLarge).ConfigureAwait(false);
            return;
        }

        if (context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
        {
            await RefuseAsync(context, runner, requester, SqlRefusal.Antiforgery, null, page, StatusCodes.Status400BadRequest).ConfigureAwait(false);
            return;
        }

        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
        {
            // A body without a Content-Length that grew past the limit while the form was read.
            await RefuseAsync(context, runner, requester, SqlRefusal.Oversize, SqlMessages.Size(limit), page, StatusCodes.Status413PayloadTooLarge).ConfigureAwait(false);
        }
    }

    /// <summary>Who is asking (no accounts yet: anonymous, by address).</summary>
    public static SqlRequester Requester(HttpContext context) =>
        new(context.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name : "anonymous", context.Connection.RemoteIpAddress?.ToString(), "dashboard");

    private static async Task RefuseAsync(HttpContext context, SqlConsoleRunner runner, SqlRequester requester, SqlRefusal reason, string? subject, bool page, int status)
    {
        var problem = SqlProblem.Refused(reason, subject);
        runner.Refused(requester, null, problem);
        var english = RequestCultureMiddleware.IsEnglish(context);
        if (page)
        {
            context.Response.Redirect($"/sql?refused={reason.ToString().ToLowerInvariant()}&lang={(english ? "en" : "zh")}", permanent: false, preserveMethod: false);
            return;
        }

        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(
            new { status, title = problem.Message(!english) }, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", context.RequestAborted).ConfigureAwait(false);
    }
}
