using Analytics.Dashboard.Accounts;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Analytics.Dashboard;

/// <summary>
/// What a failed request gets back. A browser asking for a page (GET or HEAD, <c>Accept: text/html</c>, not a path
/// scripts read) gets an HTML page in the request's language: the not-found page (404) for an address nothing
/// answers, the error page (500) for a page that failed — with a reference the log line carries, never the exception.
/// Everything else (the API, downloads, OpenAPI, a client that does not ask for HTML) gets an
/// <c>application/problem+json</c> document, whatever its <c>Accept</c>. Exceptions that are the request's or the
/// deployment's fault keep their own status (<see cref="SnapshotProblemHandler"/>). Not signed in, a browser is sent to
/// sign in before any of this, for an unknown address as for every page.
/// </summary>
internal static class ErrorPages
{
    /// <summary>The not-found page's address (<c>Components/Pages/NotFound.razor</c>).</summary>
    public const string NotFoundPath = "/not-found";

    /// <summary>The error page's address (<c>Components/Pages/ErrorPage.razor</c>).</summary>
    public const string ErrorPath = "/error";

    /// <summary>Whether <paramref name="context"/> is a browser asking for a page (so an error is answered in HTML).</summary>
    public static bool IsForBrowser(HttpContext context)
    {
        var request = context.Request;
        return (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && !AccessProblem.IsForScripts(RequestedPath(context))
            && MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted)
            && accepted.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase) && a.Quality is not 0);
    }

    /// <summary>The path the request asked for (while an exception is handled, the request's path is the error page's).</summary>
    public static PathString RequestedPath(HttpContext context) =>
        context.Features.Get<IExceptionHandlerPathFeature>() is { } failed ? new PathString(failed.Path) : context.Request.Path;

    /// <summary>The reference of a failed request: shown on the error page and in problem documents, and in the log line.</summary>
    public static string Reference(HttpContext context) => context.TraceIdentifier;

    /// <summary>
    /// A problem document of <paramref name="status"/>, written as <c>application/problem+json</c> whatever the request's
    /// <c>Accept</c> says (the problem details service would fall back to plain text for <c>Accept: text/html</c>).
    /// </summary>
    public static ProblemHttpResult Problem(int status, string? title = null, string? reference = null) =>
        TypedResults.Problem(title: title, statusCode: status, extensions: reference is null ? null : new Dictionary<string, object?> { ["reference"] = reference });

    /// <summary>The exception handlers, in the order they are asked.</summary>
    public static IServiceCollection AddErrorPages(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<SnapshotProblemHandler>();
        services.AddExceptionHandler<UnhandledExceptionHandler>();
        return services;
    }

    /// <summary>Answers failed requests as the class summary says; first in the pipeline.</summary>
    public static WebApplication UseErrorPages(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // Reached only by a browser's page: UnhandledExceptionHandler answers every other request.
            ExceptionHandlingPath = ErrorPath,
            // A fresh scope: the failed page's scoped services (the renderer among them) may be half-used.
            CreateScopeForErrors = true,
            // UnhandledExceptionHandler has logged the exception with its reference; the middleware's own line would be
            // a second copy without it. (SnapshotProblemHandler's statuses are the request's fault, not logged.)
            SuppressDiagnosticsCallback = _ => true,
        });

        // Status pages: the outer one writes problem documents; the inner one re-executes the not-found page, and is
        // switched off for a response that is not a browser's 404 (each middleware reads only its own feature).
        app.UseStatusCodePages(new StatusCodePagesOptions { HandleAsync = c => Problem(c.HttpContext.Response.StatusCode).ExecuteAsync(c.HttpContext) });
        app.UseStatusCodePagesWithReExecute(NotFoundPath, createScopeForStatusCodePages: true);
        app.Use(async (context, next) =>
        {
            await next(context).ConfigureAwait(false);
            if (context.Response.StatusCode != StatusCodes.Status404NotFound || !IsForBrowser(context))
            {
                context.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
            }
        });
        return app;
    }
}
