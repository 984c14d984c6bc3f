namespace Analytics.Etl.Normalising;

/// <summary>
/// A closed list of values and the ways suppliers write them, e.g. 登记状态 {存续, 在业, …} where 在营 and 开业 mean 存续.
/// Matching uses <see cref="TextFolding.FoldLookupKey"/>, so case, width, spaces and quote marks do not matter.
/// </summary>
public sealed class Vocabulary
{
    private readonly Dictionary<string, string> canonicalByKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> lookup;

    // A reference, read and written whole, so loaders on other threads at worst miss the cache, never mix two entries.
    private Seen? lastSeen;

    /// <summary>Creates a vocabulary from entries of canonical value and its other spellings.</summary>
    public Vocabulary(params (string Canonical, string[] Aliases)[] entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var values = new List<string>();
        foreach (var (canonical, aliases) in entries)
        {
            values.Add(canonical);
            canonicalByKey[TextFolding.LookupKey(canonical)] = canonical;
            foreach (var alias in aliases)
            {
                canonicalByKey[TextFolding.LookupKey(alias)] = canonical;
            }
        }

        Values = values;
        lookup = canonicalByKey.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The canonical values, in declaration order.</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>The canonical value written as <paramref name="text"/> (any form), or null.</summary>
    public string? Find(ReadOnlySpan<char> text)
    {
        // Consecutive rows usually repeat the value (存续, 存续, …): remember the last spelling seen.
        var last = lastSeen;
        if (last is not null && text.SequenceEqual(last.Written))
        {
            return last.Canonical;
        }

        var found = FindUncached(text);
        if (found is not null && text.Length <= 32)
        {
            lastSeen = new Seen(text.ToString(), found);
        }

        return found;
    }

    private string? FindUncached(ReadOnlySpan<char> text)
    {
        Span<char> key = text.Length <= 128 ? stackalloc char[text.Length] : new char[text.Length];
        var n = TextFolding.FoldLookupKey(text, key);
        return lookup.TryGetValue(key[..n], out var canonical) ? canonical : null;
    }

    private sealed record Seen(string Written, string Canonical);
}
