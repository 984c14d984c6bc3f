namespace Analytics.Accounts;

/// <summary>
/// The four roles of a deployment, from leaders to administrators. Every account has exactly one.
/// </summary>
/// <remarks>
/// <list type="table">
/// <item><term>viewer</term><description>leaders: every city-wide and district aggregate, with disclosure control applied</description></item>
/// <item><term>district</term><description>a district official: the same, plus their own district's (<see cref="AnalyticsUser.District"/>) detail where others see it suppressed</description></item>
/// <item><term>analyst</term><description>the SQL console, enterprise-level tables and unsuppressed cells; every download audited</description></item>
/// <item><term>admin</term><description>everything an analyst may, and the accounts</description></item>
/// </list>
/// </remarks>
public static class Roles
{
    /// <summary>Leaders: aggregates with disclosure control.</summary>
    public const string Viewer = "viewer";

    /// <summary>A district official: aggregates, and their own district's detail.</summary>
    public const string District = "district";

    /// <summary>Analysts: the SQL console and unsuppressed cells.</summary>
    public const string Analyst = "analyst";

    /// <summary>Administrators: accounts and targets, and what an analyst may do.</summary>
    public const string Admin = "admin";

    /// <summary>Every role, least to most.</summary>
    public static IReadOnlyList<string> All { get; } = [Viewer, District, Analyst, Admin];

    /// <summary>The claim naming a district official's district (a GB/T 2260 code).</summary>
    public const string DistrictClaim = "analytics:district";

    /// <summary>Whether <paramref name="role"/> is one of <see cref="All"/>.</summary>
    public static bool IsRole(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);
}

/// <summary>The authorization policies endpoint groups and pages require (each names what it allows).</summary>
public static class Policies
{
    /// <summary>Any signed-in account with a role: the aggregates.</summary>
    public const string Reader = "reader";

    /// <summary>Analysts and administrators: the SQL console, enterprise-level detail.</summary>
    public const string Analyst = "analyst";

    /// <summary>Administrators: accounts and targets.</summary>
    public const string Admin = "admin";
}
