namespace Analytics.Dashboard;

/// <summary>
/// Headers on every response: no framing, no MIME sniffing, no referrer, and a content security policy that allows
/// only the app's own scripts (plotly.js is served by the app; it injects its own style elements, hence inline styles).
/// </summary>
internal static class SecurityHeaders
{
    private const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The API reference (Scalar, <see cref="Api.ApiReference"/>) starts itself with one inline module script that
    /// its package writes; that page alone may run inline scripts. It shows no user content, only the OpenAPI document.
    /// </summary>
    private const string ReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var h = context.Response.Headers;
            h["Content-Security-Policy"] = context.Request.Path.StartsWithSegments(Api.ApiReference.Path, StringComparison.Ordinal) ? ReferencePolicy : Policy;
            h["X-Content-Type-Options"] = "nosniff";
            h["X-Frame-Options"] = "DENY";
            h["Referrer-Policy"] = "no-referrer";
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            return Task.CompletedTask;
        });
        await next(context).ConfigureAwait(false);
    });
}
