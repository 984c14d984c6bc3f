using Analytics.Accounts;

namespace Analytics.Dashboard.Accounts;

/// <summary>
/// Writes every refused request to the access log: 401, 403, and the redirects to the login or the denied page that
/// a browser gets instead — with who (if signed in), from where, and the path; and every download (CSV, Arrow, Excel, PDF — with its media type, since an API table asked for by its <c>Accept</c> header has the JSON's path) a signed-in
/// account receives, so that an analyst's unsuppressed files are accounted for. (The SQL console's downloads are in its
/// own audit log, with the query.)
/// </summary>
internal sealed class AccessAuditMiddleware(RequestDelegate next, AccessLog log)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var response = context.Response;
            var location = response.Headers.Location.ToString();
            var @event = response.StatusCode switch
            {
                StatusCodes.Status401Unauthorized => "unauthenticated",
                StatusCodes.Status403Forbidden => "denied",
                StatusCodes.Status302Found when location.StartsWith("/account/login", StringComparison.Ordinal) || location.Contains("/account/login?", StringComparison.Ordinal) => "unauthenticated",
                StatusCodes.Status302Found when location.Contains("/account/denied", StringComparison.Ordinal) => "denied",
                StatusCodes.Status200OK when IsDownload(context) => "download",
                _ => null,
            };
            if (@event is not null && !context.Request.Path.StartsWithSegments("/account"))
            {
                var who = context.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name : null;
                log.Write(
                    @event, who, context.Connection.RemoteIpAddress?.ToString(), context.Request.Method + " " + context.Request.Path + context.Request.QueryString,
                    @event == "download" ? response.ContentType : null);
            }

            return Task.CompletedTask;
        });
        return next(context);
    }

    private static bool IsDownload(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true
        && (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/export"))
        && context.Response.ContentType is { } type
        && (type.StartsWith("text/csv", StringComparison.Ordinal) || type.StartsWith("application/pdf", StringComparison.Ordinal)
            || type.StartsWith(Exports.XlsxWriter.ContentType, StringComparison.Ordinal)
            || type.StartsWith(Analytics.Snapshots.Results.ResultMedia.Arrow, StringComparison.Ordinal));
}
