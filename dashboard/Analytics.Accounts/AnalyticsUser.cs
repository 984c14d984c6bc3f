using Microsoft.AspNetCore.Identity;

namespace Analytics.Accounts;

/// <summary>An account: Identity's user (name, password hash, lockout) with the district a district official serves.</summary>
public sealed class AnalyticsUser : IdentityUser
{
    /// <summary>Creates an account named <paramref name="userName"/>.</summary>
    public AnalyticsUser(string userName)
        : base(userName)
    {
    }

    /// <summary>For EF Core.</summary>
    public AnalyticsUser()
    {
    }

    /// <summary>The district (GB/T 2260 code) of a district official; null for the other roles.</summary>
    public string? District { get; set; }

    /// <summary>When the account was made (UTC).</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
