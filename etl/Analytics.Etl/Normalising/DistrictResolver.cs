using Analytics.Reference;

namespace Analytics.Etl.Normalising;

/// <summary>
/// Maps a written district (a 6-digit code, or a name such as 璧山县, 璧山区, 重庆市璧山区, 璧山) to the GB/T 2260
/// code in force on a date, using the division table's valid_from/valid_to/successor_code.
/// Codes are taken literally: an old county code after its change is reported, not mapped (it may be a stale copy).
/// Names follow the successor chain: people keep saying 璧山县 after 2014, and the chain is a published fact.
/// </summary>
public sealed class DistrictResolver
{
    private readonly Dictionary<string, District> byCode;
    private readonly Dictionary<string, List<District>> byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<District>>.AlternateLookup<ReadOnlySpan<char>> nameLookup;
    private readonly Dictionary<string, District> predecessorOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, District>.AlternateLookup<ReadOnlySpan<char>> codeLookup;
    private readonly string[] cityPrefixes;

    /// <summary>Builds the lookups from <paramref name="reference"/>.</summary>
    public DistrictResolver(ReferenceData reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var codes = new Dictionary<string, District>(StringComparer.Ordinal);
        foreach (var d in reference.Districts)
        {
            codes[d.Code] = d;
            AddName(d.NameZh, d);
            AddName(Stem(d.NameZh), d);
            if (d.Kind == "autonomous_county" && d.NameZh.Length > 2)
            {
                // 石柱土家族自治县 is commonly written 石柱县 or 石柱.
                AddName(d.NameZh[..2] + "县", d);
                AddName(d.NameZh[..2], d);
            }

            if (d.SuccessorCode is { } successor)
            {
                predecessorOf[successor] = d;
            }
        }

        byCode = codes;
        codeLookup = codes.GetAlternateLookup<ReadOnlySpan<char>>();
        nameLookup = byName.GetAlternateLookup<ReadOnlySpan<char>>();
        cityPrefixes = reference.Districts.SelectMany(d => new[] { d.CityZh, "湖南省" + d.CityZh }).Distinct().ToArray();
    }

    /// <summary>How a written district was resolved.</summary>
    public enum Outcome
    {
        /// <summary>A code valid on the date.</summary>
        Code,

        /// <summary>A name of the district valid on the date.</summary>
        Name,

        /// <summary>A name of an earlier or later form of the district, mapped along the successor chain.</summary>
        SupersededName,

        /// <summary>A known code that was not in force on the date.</summary>
        CodeNotValidAtDate,

        /// <summary>Not a known code or name.</summary>
        Unknown,
    }

    /// <summary>
    /// Resolves folded text <paramref name="written"/> on <paramref name="date"/>. <paramref name="district"/> is the
    /// district in force (or, for <see cref="Outcome.CodeNotValidAtDate"/>, the written code's entry).
    /// </summary>
    public Outcome Resolve(ReadOnlySpan<char> written, DateOnly date, out District? district)
    {
        district = null;
        if (written.Length == 6 && IsDigits(written))
        {
            if (!codeLookup.TryGetValue(written, out var known))
            {
                return Outcome.Unknown;
            }

            district = known;
            return known.IsValidOn(date) ? Outcome.Code : Outcome.CodeNotValidAtDate;
        }

        var name = StripCityPrefix(written);
        if (!nameLookup.TryGetValue(name, out var candidates))
        {
            return Outcome.Unknown;
        }

        District? found = null;
        var superseded = false;
        foreach (var candidate in candidates)
        {
            var inForce = InForce(candidate, date);
            if (inForce is null || (found is not null && found.Code != inForce.Code))
            {
                if (inForce is not null)
                {
                    return Outcome.Unknown; // two different districts share this short name
                }

                continue;
            }

            found = inForce;
            superseded |= !ReferenceEquals(inForce, candidate) && !name.SequenceEqual(inForce.NameZh) && !name.SequenceEqual(Stem(inForce.NameZh));
        }

        if (found is null)
        {
            return Outcome.Unknown;
        }

        district = found;
        return superseded ? Outcome.SupersededName : Outcome.Name;
    }

    /// <summary>The form of <paramref name="district"/> in force on <paramref name="date"/> along the successor chain (for messages), or null.</summary>
    public District? SuccessorOrPredecessor(District district, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(district);
        return InForce(district, date);
    }

    private District? InForce(District district, DateOnly date)
    {
        var current = district;
        for (var hops = 0; hops < 8; hops++)
        {
            if (current.IsValidOn(date))
            {
                return current;
            }

            if (current.ValidTo is { } end && date >= end && current.SuccessorCode is { } next && byCode.TryGetValue(next, out var successor))
            {
                current = successor;
            }
            else if (current.ValidFrom is { } start && date < start && predecessorOf.TryGetValue(current.Code, out var predecessor))
            {
                current = predecessor;
            }
            else
            {
                return null;
            }
        }

        return null;
    }

    private ReadOnlySpan<char> StripCityPrefix(ReadOnlySpan<char> name)
    {
        foreach (var prefix in cityPrefixes)
        {
            if (name.Length > prefix.Length && name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return name[prefix.Length..];
            }
        }

        return name;
    }

    private void AddName(string name, District district)
    {
        if (name.Length == 0)
        {
            return;
        }

        if (!byName.TryGetValue(name, out var list))
        {
            byName[name] = list = [];
        }

        if (!list.Contains(district))
        {
            list.Add(district);
        }
    }

    // 璧山县 and 璧山区 share the stem 璧山, which is also how people write it.
    private static string Stem(string name) =>
        name.Length > 2 && name[^1] is '区' or '县' or '市' ? name[..^1] : name;

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
