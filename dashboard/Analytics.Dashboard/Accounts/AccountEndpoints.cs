using Analytics.Accounts;
using Analytics.Dashboard.Localization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Analytics.Dashboard.Accounts;

/// <summary>Sign-in and sign-out: the login form posts here (antiforgery-checked), single sign-on starts here.</summary>
public static class AccountEndpoints
{
    /// <summary>Maps <c>POST /account/login</c>, <c>POST /account/logout</c> and <c>GET /account/sso</c>.</summary>
    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/account").WithTags("Accounts").ExcludeFromDescription();
        group.MapPost("/login", Login).AllowAnonymous();
        group.MapPost("/logout", Logout).AllowAnonymous();
        group.MapGet("/sso", Sso).AllowAnonymous();
        return app;
    }

    internal static async Task<IResult> Login(
        [FromForm(Name = "name")] string? name, [FromForm(Name = "password")] string? password, [FromForm(Name = "returnUrl")] string? returnUrl,
        HttpContext context, SignInManager<AnalyticsUser> signIn, AccessLog log)
    {
        var remote = context.Connection.RemoteIpAddress?.ToString();
        var lang = RequestCultureMiddleware.IsEnglish(context) ? "en" : "zh";
        var back = IsLocal(returnUrl) ? returnUrl! : "/";
        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrEmpty(password) || name.Length > 256 || password.Length > 1024)
        {
            log.Write("login_failed", name?.Length > 256 ? name[..256] : name, remote, detail: "empty or oversize");
            return Again("invalid", back, lang);
        }

        var result = await signIn.PasswordSignInAsync(name.Trim(), password, isPersistent: false, lockoutOnFailure: true).ConfigureAwait(false);
        if (result.Succeeded)
        {
            log.Write("login", name.Trim(), remote);
            return TypedResults.LocalRedirect(back);
        }

        var reason = result.IsLockedOut ? "locked" : result.IsNotAllowed ? "not_allowed" : "invalid";
        log.Write(result.IsLockedOut ? "locked_out" : "login_failed", name.Trim(), remote, detail: reason);
        return Again(reason, back, lang);
    }

    internal static async Task<IResult> Logout(HttpContext context, SignInManager<AnalyticsUser> signIn, AccessLog log, IOptions<AccountsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var who = context.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name : null;
        await signIn.SignOutAsync().ConfigureAwait(false);
        if (options.Value.Oidc.Enabled)
        {
            await context.SignOutAsync(AccountsSetupExtensions.SsoScheme).ConfigureAwait(false);
        }

        log.Write("logout", who, context.Connection.RemoteIpAddress?.ToString());
        return TypedResults.LocalRedirect("/account/login?lang=" + (RequestCultureMiddleware.IsEnglish(context) ? "en" : "zh"));
    }

    internal static IResult Sso(string? returnUrl, IOptions<AccountsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Value.Oidc.Enabled
            ? TypedResults.Challenge(new AuthenticationProperties { RedirectUri = IsLocal(returnUrl) ? returnUrl : "/" }, [OpenIdConnectDefaults.AuthenticationScheme])
            : TypedResults.NotFound();
    }

    private static RedirectHttpResult Again(string error, string returnUrl, string lang) =>
        TypedResults.LocalRedirect($"/account/login?error={error}&lang={lang}&returnUrl={Uri.EscapeDataString(returnUrl)}");

    /// <summary>A path on this site (never another host: an open redirect would send a signed-in leader anywhere).</summary>
    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
