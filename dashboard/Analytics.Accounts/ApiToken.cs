namespace Analytics.Accounts;

/// <summary>
/// A personal API token for scripts and notebooks: <c>Authorization: Bearer ak_…</c> acts as its owner. Only the
/// SHA-256 of the token is stored, with its first characters to tell tokens apart; a revoked or expired token is
/// refused, and so is every token of a disabled account.
/// </summary>
public sealed class ApiToken
{
    /// <summary>Row id.</summary>
    public int Id { get; set; }

    /// <summary>The owner (<see cref="AnalyticsUser"/>'s id).</summary>
    public required string UserId { get; set; }

    /// <summary>What it is for, as its owner said (e.g. "quarterly notebook").</summary>
    public required string Label { get; set; }

    /// <summary>The token's first 11 characters (<c>ak_</c> and 8 more), shown in lists and used to revoke it.</summary>
    public required string Prefix { get; set; }

    /// <summary>SHA-256 of the whole token, hex.</summary>
    public required string Hash { get; set; }

    /// <summary>When it was made (UTC).</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it stops working (UTC).</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>When it was revoked, if it was.</summary>
    public DateTimeOffset? RevokedAt { get; set; }
}
