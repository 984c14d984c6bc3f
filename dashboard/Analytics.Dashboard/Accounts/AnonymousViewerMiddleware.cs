using System.Security.Claims;
using Analytics.Accounts;

namespace Analytics.Dashboard.Accounts;

/// <summary>
/// With <see cref="AccountsOptions.AnonymousViewer"/> on, a request that signed in with nothing reads as the viewer
/// <c>anonymous</c>: the readers' pages and API answer it with what a viewer may see; nothing more.
/// </summary>
internal sealed class AnonymousViewerMiddleware(RequestDelegate next)
{
    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, "anonymous"), new Claim(ClaimTypes.Role, Roles.Viewer)], "AnonymousViewer", ClaimTypes.Name, ClaimTypes.Role));

    public Task InvokeAsync(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated != true && !ApiTokenHandler.Carries(context.Request))
        {
            context.User = Anonymous;
        }

        return next(context);
    }
}
