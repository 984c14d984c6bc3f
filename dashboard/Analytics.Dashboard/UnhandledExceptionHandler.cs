using Microsoft.AspNetCore.Diagnostics;

namespace Analytics.Dashboard;

/// <summary>
/// The last exception handler: logs the failure once, with its reference (<see cref="ErrorPages.Reference"/>), then
/// answers a script with a 500 problem document carrying that reference, and leaves a browser's page to the error page
/// (the exception handler middleware re-executes it). Neither answer holds the exception's message or stack trace:
/// those can name server paths, SQL or settings.
/// </summary>
internal sealed partial class UnhandledExceptionHandler(ILogger<UnhandledExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var reference = ErrorPages.Reference(httpContext);
        Failed(logger, exception, reference, httpContext.Request.Method, ErrorPages.RequestedPath(httpContext));
        if (ErrorPages.IsForBrowser(httpContext))
        {
            return false;
        }

        await ErrorPages.Problem(StatusCodes.Status500InternalServerError, "The server failed to answer this request. 服务器未能处理此请求。", reference)
            .ExecuteAsync(httpContext).ConfigureAwait(false);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Request failed, reference {Reference}: {Method} {Path}")]
    private static partial void Failed(ILogger logger, Exception exception, string reference, string method, PathString path);
}
