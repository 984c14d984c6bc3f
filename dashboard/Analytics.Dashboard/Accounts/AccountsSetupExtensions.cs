using System.Security.Claims;
using Analytics.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;

namespace Analytics.Dashboard.Accounts;

/// <summary>
/// Sign-in for the dashboard: local accounts (Identity, a cookie), personal API tokens (bearer), and single sign-on
/// by OpenID Connect when configured; and the policies every endpoint group and page requires — by default a signed-in
/// account with a role (<see cref="Policies.Reader"/>), so nothing is served to an anonymous request but the login
/// page, the static files and <c>/api/ping</c>.
/// </summary>
internal static class AccountsSetupExtensions
{
    /// <summary>The scheme that picks the bearer token when the request carries one, else the cookie.</summary>
    private const string Selector = "AnalyticsSignIn";

    /// <summary>
    /// The cookie of a single sign-on: separate from the local accounts' cookie, whose security-stamp check would
    /// look for the user in the accounts database and sign an SSO user out.
    /// </summary>
    public const string SsoScheme = "AnalyticsSso";

    private const string SsoCookie = "analytics.sso";

    public static WebApplicationBuilder AddDashboardAccounts(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(AccountsOptions.Section);
        var options = section.Get<AccountsOptions>() ?? new AccountsOptions();
        builder.Services.Configure<AccountsOptions>(section);
        var root = builder.Environment.ContentRootPath;
        builder.Services.AddAccountsDatabase(Path.GetFullPath(options.Database, root));
        builder.Services.AddSingleton(new AccessLog(Path.GetFullPath(options.AccessLog, root)));
        builder.Services.AddMemoryCache();
        builder.Services.AddIdentity<AnalyticsUser, IdentityRole>(AccountsSetup.ConfigureIdentity).AddEntityFrameworkStores<AccountsDbContext>();
        builder.Services.AddScoped<AccountStore>();

        // A disabled account's sessions end within a minute (Identity's default would take 30).
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        builder.Services.ConfigureApplicationCookie(cookie => Cookie(cookie, "analytics.signin", options.SessionHours));

        var authentication = builder.Services.AddAuthentication(o =>
        {
            // AddIdentity names its cookie as the default for authenticating; the selector must win for every verb.
            o.DefaultScheme = Selector;
            o.DefaultAuthenticateScheme = Selector;
            o.DefaultChallengeScheme = Selector;
            o.DefaultForbidScheme = Selector;
        });
        authentication.AddPolicyScheme(Selector, "Cookie or API token", o => o.ForwardDefaultSelector = context =>
            ApiTokenHandler.Carries(context.Request) ? ApiTokenHandler.SchemeName
            : context.Request.Cookies.ContainsKey(SsoCookie) ? SsoScheme
            : IdentityConstants.ApplicationScheme);
        authentication.AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null);
        if (options.Oidc.Enabled)
        {
            authentication.AddCookie(SsoScheme, cookie => Cookie(cookie, SsoCookie, options.SessionHours));
            authentication.AddOpenIdConnect(OpenIdConnectDefaults.AuthenticationScheme, options.Oidc.DisplayName, oidc => ConfigureOidc(oidc, options.Oidc));
        }

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Reader, p => p.RequireAuthenticatedUser().RequireRole([.. Roles.All]))
            .AddPolicy(Policies.Analyst, p => p.RequireAuthenticatedUser().RequireRole(Roles.Analyst, Roles.Admin))
            .AddPolicy(Policies.Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin))
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole([.. Roles.All]).Build());
        return builder;
    }

    /// <summary>The sign-in cookie's rules, the same for local accounts and single sign-on.</summary>
    private static void Cookie(CookieAuthenticationOptions cookie, string name, double sessionHours)
    {
        cookie.Cookie.Name = name;
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Lax;
        cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        cookie.ExpireTimeSpan = TimeSpan.FromHours(sessionHours);
        cookie.SlidingExpiration = true;
        cookie.LoginPath = "/account/login";
        cookie.AccessDeniedPath = "/account/denied";
        cookie.Events.OnRedirectToLogin = context => Answer(context, StatusCodes.Status401Unauthorized);
        cookie.Events.OnRedirectToAccessDenied = context => Answer(context, StatusCodes.Status403Forbidden);
    }

    /// <summary>
    /// A request the cookie would send to the login or the denied page: a page is redirected there; the API, a
    /// download and a form post for data get the status and a problem document instead (a redirect would be data to
    /// a script).
    /// </summary>
    private static Task Answer(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (AccessProblem.IsForScripts(context.Request.Path))
        {
            return AccessProblem.WriteAsync(context.HttpContext, status);
        }

        // The login or denied page in the language of the page asked for (the language is in the address, not a cookie).
        var english = Localization.RequestCultureMiddleware.IsEnglish(context.HttpContext);
        context.Response.Redirect(english ? context.RedirectUri + (context.RedirectUri.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=en" : context.RedirectUri);
        return Task.CompletedTask;
    }

    private static void ConfigureOidc(OpenIdConnectOptions oidc, OidcOptions settings)
    {
        oidc.Authority = settings.Authority;
        oidc.ClientId = settings.ClientId;
        oidc.ClientSecret = settings.ClientSecret;
        oidc.ResponseType = "code";
        oidc.UsePkce = true;
        oidc.SaveTokens = false;
        oidc.MapInboundClaims = false;
        oidc.SignInScheme = SsoScheme;
        oidc.CallbackPath = "/account/sso/callback";
        oidc.Scope.Add("profile");
        oidc.Events.OnTokenValidated = context =>
        {
            // The provider says who and in which role; the dashboard keeps only those (and a district official's district).
            var source = context.Principal!;
            var name = source.FindFirstValue(settings.NameClaim);
            var role = source.FindFirstValue(settings.RoleClaim);
            if (string.IsNullOrWhiteSpace(name) || !Roles.IsRole(role))
            {
                context.Fail($"The sign-on gave no account name ({settings.NameClaim}) or no role ({settings.RoleClaim}: one of {string.Join(", ", Roles.All)}).");
                return Task.CompletedTask;
            }

            var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, "sso:" + name), new(ClaimTypes.Name, name), new(ClaimTypes.Role, role!) };
            if (role == Roles.District && source.FindFirstValue(settings.DistrictClaim) is { Length: 6 } district)
            {
                claims.Add(new Claim(Roles.DistrictClaim, district));
            }

            context.Principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SsoScheme, ClaimTypes.Name, ClaimTypes.Role));
            return Task.CompletedTask;
        };
    }
}
