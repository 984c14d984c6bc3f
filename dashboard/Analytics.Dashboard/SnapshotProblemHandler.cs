using Analytics.Dashboard.Data;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;

namespace Analytics.Dashboard;

/// <summary>
/// Exceptions that are the request's or the deployment's fault, as ProblemDetails: no snapshot to serve (503 with
/// the reason), a bad request (its own status: e.g. a form without a valid antiforgery token is 400).
/// </summary>
internal sealed class SnapshotProblemHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title) = exception switch
        {
            SnapshotUnavailableException => (StatusCodes.Status503ServiceUnavailable, "No warehouse snapshot is available."),
            BadHttpRequestException { InnerException: AntiforgeryValidationException } or AntiforgeryValidationException =>
                (StatusCodes.Status400BadRequest, "The form's antiforgery token is missing or invalid: reload the page and submit again."),
            BadHttpRequestException bad => (bad.StatusCode, "The request is not valid."),
            _ => (0, ""),
        };
        if (status == 0)
        {
            return false;
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = exception.Message },
        }).ConfigureAwait(false);
    }
}
