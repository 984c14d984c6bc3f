using System.Security.Claims;
using Analytics.Accounts;

namespace Analytics.Dashboard.Accounts;

/// <summary>
/// What the reader of this request may see of a small cell: analysts and administrators every cell, a district
/// official their own district's, a viewer none (the cell's numbers are withheld).
/// </summary>
public sealed class Disclosure
{
    private readonly bool _all;
    private readonly string? _district;

    /// <summary>The disclosure of <paramref name="user"/>.</summary>
    public Disclosure(ClaimsPrincipal? user)
    {
        _all = user?.IsInRole(Roles.Analyst) == true || user?.IsInRole(Roles.Admin) == true;
        _district = user?.IsInRole(Roles.District) == true ? user.FindFirstValue(Roles.DistrictClaim) : null;
    }

    /// <summary>Whether a small cell of <paramref name="districtCode"/> is shown whole to this reader.</summary>
    public bool Reveals(string districtCode) => _all || (_district is not null && string.Equals(districtCode, _district, StringComparison.Ordinal));

    /// <summary>What this reader may see, as a key: readers with the same key see the same numbers.</summary>
    public string Key => _all ? "all" : _district is { } d ? "district:" + d : "none";

    /// <summary>The disclosure whose <see cref="Key"/> is <paramref name="key"/>.</summary>
    public static Disclosure FromKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key == "all" ? new Disclosure(true, null)
            : key.StartsWith("district:", StringComparison.Ordinal) ? new Disclosure(false, key["district:".Length..])
            : new Disclosure(false, null);
    }

    private Disclosure(bool all, string? district)
    {
        _all = all;
        _district = district;
    }

    /// <summary>What the request's reader may see.</summary>
    public static Disclosure Of(IHttpContextAccessor accessor)
    {
        ArgumentNullException.ThrowIfNull(accessor);
        return new Disclosure(accessor.HttpContext?.User);
    }
}
