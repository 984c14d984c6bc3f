using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Accounts;

/// <summary>An account as lists show it.</summary>
public sealed record AccountSummary(string Name, string Role, string? District, bool Disabled, DateTimeOffset? LockedUntil, DateTimeOffset CreatedAt, int ActiveTokens);

/// <summary>An API token as lists show it (never the token itself).</summary>
public sealed record TokenSummary(string Prefix, string Label, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt);

/// <summary>An account request that cannot be done: the message says what and what to do.</summary>
public sealed class AccountException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AccountException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public AccountException()
        : this("The account request cannot be done.")
    {
    }

    /// <summary>Creates the exception with a message and the error behind it.</summary>
    public AccountException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// What can be done to accounts — add, list, disable, enable, personal API tokens — by <c>analytics users</c> and the
/// dashboard alike, through Identity's user manager (its password hashing, policy and lockout).
/// </summary>
public sealed class AccountStore(UserManager<AnalyticsUser> users, AccountsDbContext db, TimeProvider? time = null)
{
    /// <summary>The start of every token, so that one found in a file or a log is recognisable.</summary>
    public const string TokenStart = "ak_";

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Whether any account exists (a new deployment has none until its first admin is made).</summary>
    public Task<bool> AnyAsync(CancellationToken cancellationToken = default) => users.Users.AnyAsync(cancellationToken);

    /// <summary>Adds an account; returns its password (<paramref name="password"/>, or a generated one).</summary>
    /// <exception cref="AccountException">The name is taken or not allowed, the role or district is wrong, or the password breaks the policy.</exception>
    public async Task<string> AddAsync(string name, string role, string? district, string? password = null)
    {
        CheckRole(role, district);
        password ??= GeneratePassword();
        var user = new AnalyticsUser(name) { District = district, CreatedAt = _time.GetUtcNow() };
        Check(await users.CreateAsync(user, password).ConfigureAwait(false), name);
        Check(await users.AddClaimAsync(user, new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Role, role)).ConfigureAwait(false), name);
        if (district is not null)
        {
            Check(await users.AddClaimAsync(user, new System.Security.Claims.Claim(Roles.DistrictClaim, district)).ConfigureAwait(false), name);
        }

        return password;
    }

    /// <summary>Every account, by name.</summary>
    public async Task<IReadOnlyList<AccountSummary>> ListAsync()
    {
        var now = _time.GetUtcNow();
        var list = new List<AccountSummary>();
        foreach (var user in await users.Users.OrderBy(u => u.UserName).ToListAsync().ConfigureAwait(false))
        {
            var tokens = await db.ApiTokens.Where(t => t.UserId == user.Id && t.RevokedAt == null).ToListAsync().ConfigureAwait(false);
            var locked = user.LockoutEnd is { } end && end > now ? end : (DateTimeOffset?)null;
            list.Add(new AccountSummary(user.UserName!, await RoleOfAsync(user).ConfigureAwait(false) ?? "", user.District,
                locked == DateTimeOffset.MaxValue, locked == DateTimeOffset.MaxValue ? null : locked, user.CreatedAt, tokens.Count(t => t.ExpiresAt > now)));
        }

        return list;
    }

    /// <summary>Disables an account: it cannot sign in, its sessions end at their next request, its tokens stop working.</summary>
    /// <exception cref="AccountException">There is no such account, or it is the last active administrator.</exception>
    public async Task DisableAsync(string name)
    {
        var user = await RequireAsync(name).ConfigureAwait(false);
        await KeepAnAdminAsync(user, "disable").ConfigureAwait(false);
        Check(await users.SetLockoutEnabledAsync(user, true).ConfigureAwait(false), name);
        Check(await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue).ConfigureAwait(false), name);
        Check(await users.UpdateSecurityStampAsync(user).ConfigureAwait(false), name);
    }

    /// <summary>
    /// Gives an account another role (and a district official their district): its sessions end at their next request
    /// and its tokens act in the new role.
    /// </summary>
    /// <exception cref="AccountException">The role or district is wrong, or the account is the last active administrator.</exception>
    public async Task SetRoleAsync(string name, string role, string? district)
    {
        CheckRole(role, district);
        var user = await RequireAsync(name).ConfigureAwait(false);
        if (role != Roles.Admin)
        {
            await KeepAnAdminAsync(user, "change the role of").ConfigureAwait(false);
        }

        foreach (var claim in (await users.GetClaimsAsync(user).ConfigureAwait(false))
                     .Where(c => c.Type is System.Security.Claims.ClaimTypes.Role or Roles.DistrictClaim).ToList())
        {
            Check(await users.RemoveClaimAsync(user, claim).ConfigureAwait(false), name);
        }

        Check(await users.AddClaimAsync(user, new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Role, role)).ConfigureAwait(false), name);
        if (district is not null)
        {
            Check(await users.AddClaimAsync(user, new System.Security.Claims.Claim(Roles.DistrictClaim, district)).ConfigureAwait(false), name);
        }

        user.District = district;
        Check(await users.UpdateAsync(user).ConfigureAwait(false), name);
        Check(await users.UpdateSecurityStampAsync(user).ConfigureAwait(false), name);
    }

    /// <summary>Enables a disabled (or locked) account again.</summary>
    public async Task EnableAsync(string name)
    {
        var user = await RequireAsync(name).ConfigureAwait(false);
        Check(await users.SetLockoutEndDateAsync(user, null).ConfigureAwait(false), name);
        Check(await users.ResetAccessFailedCountAsync(user).ConfigureAwait(false), name);
    }

    /// <summary>Makes a personal API token for <paramref name="name"/>; the token is returned once and only its hash is kept.</summary>
    public async Task<string> CreateTokenAsync(string name, string label, TimeSpan lifetime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero);
        var user = await RequireAsync(name).ConfigureAwait(false);
        var token = TokenStart + Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = _time.GetUtcNow();
        db.ApiTokens.Add(new ApiToken
        {
            UserId = user.Id, Label = string.IsNullOrWhiteSpace(label) ? "token" : label.Trim(), Prefix = token[..11], Hash = Hash(token),
            CreatedAt = now, ExpiresAt = now + lifetime,
        });
        await db.SaveChangesAsync().ConfigureAwait(false);
        return token;
    }

    /// <summary>The tokens of <paramref name="name"/>, newest first.</summary>
    public async Task<IReadOnlyList<TokenSummary>> TokensAsync(string name)
    {
        var user = await RequireAsync(name).ConfigureAwait(false);
        var tokens = await db.ApiTokens.Where(t => t.UserId == user.Id).ToListAsync().ConfigureAwait(false);
        return tokens.OrderByDescending(t => t.CreatedAt).Select(t => new TokenSummary(t.Prefix, t.Label, t.CreatedAt, t.ExpiresAt, t.RevokedAt)).ToList();
    }

    /// <summary>Revokes <paramref name="name"/>'s token that starts with <paramref name="prefix"/>.</summary>
    public async Task RevokeTokenAsync(string name, string prefix)
    {
        var user = await RequireAsync(name).ConfigureAwait(false);
        var matches = (await db.ApiTokens.Where(t => t.UserId == user.Id && t.RevokedAt == null).ToListAsync().ConfigureAwait(false))
            .Where(t => t.Prefix.StartsWith(prefix, StringComparison.Ordinal) || prefix.StartsWith(t.Prefix, StringComparison.Ordinal)).ToList();
        if (matches.Count != 1)
        {
            throw new AccountException(matches.Count == 0
                ? $"{name} has no active token starting with '{prefix}'; 'analytics users tokens {name}' lists them."
                : $"Several of {name}'s tokens start with '{prefix}'; give more of it.");
        }

        matches[0].RevokedAt = _time.GetUtcNow();
        await db.SaveChangesAsync().ConfigureAwait(false);
    }

    /// <summary>The account and role a token acts as, or null when it is unknown, revoked, expired or its account disabled or locked.</summary>
    public async Task<(AnalyticsUser User, string Role, DateTimeOffset ExpiresAt)?> FindByTokenAsync(string token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token) || !token.StartsWith(TokenStart, StringComparison.Ordinal) || token.Length > 100)
        {
            return null;
        }

        var hash = Hash(token);
        var found = await db.ApiTokens.AsNoTracking().FirstOrDefaultAsync(t => t.Hash == hash, cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        if (found is null || found.RevokedAt is not null || found.ExpiresAt <= now)
        {
            return null;
        }

        var user = await users.FindByIdAsync(found.UserId).ConfigureAwait(false);
        if (user is null || await users.IsLockedOutAsync(user).ConfigureAwait(false) || await RoleOfAsync(user).ConfigureAwait(false) is not { } role)
        {
            return null;
        }

        return (user, role, found.ExpiresAt);
    }

    /// <summary>The role of an account (its one role claim).</summary>
    public async Task<string?> RoleOfAsync(AnalyticsUser user) =>
        (await users.GetClaimsAsync(user).ConfigureAwait(false)).FirstOrDefault(c => c.Type == System.Security.Claims.ClaimTypes.Role)?.Value;

    /// <summary>A password of 16 characters that meets the policy: letters of both cases, digits and symbols, from a cryptographic source.</summary>
    public static string GeneratePassword()
    {
        const string lower = "abcdefghijkmnpqrstuvwxyz", upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", digits = "23456789", symbols = "!#%+-=?@";
        const string all = lower + upper + digits + symbols;
        var chars = new List<char> { Pick(lower), Pick(upper), Pick(digits), Pick(symbols) };
        while (chars.Count < 16)
        {
            chars.Add(Pick(all));
        }

        for (var i = chars.Count - 1; i > 0; i--)
        {
            var j = RandomNumberGenerator.GetInt32(i + 1);
            (chars[i], chars[j]) = (chars[j], chars[i]);
        }

        return new string(chars.ToArray());

        static char Pick(string from) => from[RandomNumberGenerator.GetInt32(from.Length)];
    }

    /// <summary>The stored form of a token: its SHA-256, hex.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static void CheckRole(string role, string? district)
    {
        if (!Roles.IsRole(role))
        {
            throw new AccountException($"'{role}' is not a role; the roles are {string.Join(", ", Roles.All)}.");
        }

        if (role == Roles.District != (district is not null))
        {
            throw new AccountException(role == Roles.District
                ? "A district official needs the district they serve: add --district with its 6-digit code (e.g. 500120)."
                : $"Only a district official has a district; a {role} sees every district.");
        }

        if (district is not null && (district.Length != 6 || !district.All(char.IsAsciiDigit)))
        {
            throw new AccountException($"'{district}' is not a district code: give its 6-digit GB/T 2260 code (e.g. 500120).");
        }
    }

    /// <summary>Refuses to take away the last active administrator (no one could manage the accounts or targets then).</summary>
    private async Task KeepAnAdminAsync(AnalyticsUser user, string action)
    {
        if (await RoleOfAsync(user).ConfigureAwait(false) != Roles.Admin)
        {
            return;
        }

        foreach (var other in await users.GetUsersForClaimAsync(new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Role, Roles.Admin)).ConfigureAwait(false))
        {
            if (other.Id != user.Id && !(other.LockoutEnd is { } end && end == DateTimeOffset.MaxValue))
            {
                return;
            }
        }

        throw new AccountException($"{user.UserName} is the last active administrator; make another account admin before you {action} it.");
    }

    private async Task<AnalyticsUser> RequireAsync(string name) =>
        await users.FindByNameAsync(name).ConfigureAwait(false) ?? throw new AccountException($"There is no account '{name}'; 'analytics users list' shows them.");

    private static void Check(IdentityResult result, string name)
    {
        if (!result.Succeeded)
        {
            throw new AccountException($"Account '{name}': " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
