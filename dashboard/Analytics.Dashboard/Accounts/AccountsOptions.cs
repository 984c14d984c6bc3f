namespace Analytics.Dashboard.Accounts;

/// <summary>Who may use the dashboard (section <c>Analytics:Accounts</c>).</summary>
public sealed class AccountsOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Analytics:Accounts";

    /// <summary>The accounts database (SQLite), relative to the content root unless absolute; <c>analytics users --db</c> names the same file.</summary>
    public string Database { get; set; } = "accounts/accounts.db";

    /// <summary>The access log (sign-ins, sign-outs, refused requests), relative to the content root unless absolute.</summary>
    public string AccessLog { get; set; } = "logs/access-audit.jsonl";

    /// <summary>How long a sign-in lasts without use, in hours (sliding).</summary>
    public double SessionHours { get; set; } = 8;

    /// <summary>On the demo data: the file listing the demo accounts, which the login page points a newcomer to.</summary>
    public string? DemoAccountsFile { get; set; }

    /// <summary>
    /// A public read-only dashboard: a request without a sign-in reads as a viewer (disclosure control applies; the
    /// console and everything above a viewer still need a sign-in). Off by default; the benchmark uses it to measure
    /// authentication's cost in one process.
    /// </summary>
    public bool AnonymousViewer { get; set; }

    /// <summary>A government single sign-on by OpenID Connect; off while <see cref="OidcOptions.Authority"/> is empty.</summary>
    public OidcOptions Oidc { get; set; } = new();
}

/// <summary>Single sign-on by OpenID Connect (authorization code flow). The identity provider says who and in which role.</summary>
public sealed class OidcOptions
{
    /// <summary>The provider's issuer URL (its <c>.well-known/openid-configuration</c> is read from there).</summary>
    public string? Authority { get; set; }

    /// <summary>This dashboard's client id at the provider.</summary>
    public string? ClientId { get; set; }

    /// <summary>Its client secret.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The claim holding the account name.</summary>
    public string NameClaim { get; set; } = "preferred_username";

    /// <summary>The claim holding the role (one of viewer, district, analyst, admin); a sign-in without one is refused.</summary>
    public string RoleClaim { get; set; } = "analytics_role";

    /// <summary>The claim holding a district official's district code.</summary>
    public string DistrictClaim { get; set; } = "analytics_district";

    /// <summary>What the login page calls the provider.</summary>
    public string DisplayName { get; set; } = "政务统一身份认证 / Government single sign-on";

    /// <summary>Whether single sign-on is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}
