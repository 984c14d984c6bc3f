namespace Analytics.Etl.Normalising;

/// <summary>
/// Hands out one string instance per distinct value of a low-cardinality column (status, district, industry code),
/// so a million rows do not allocate a million copies of 存续. Lookup by span: no allocation for values already seen.
/// Not thread-safe; one per reader.
/// </summary>
public sealed class StringPool
{
    private const int MaxEntries = 100_000;
    private readonly Dictionary<string, string> entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> lookup;

    /// <summary>Creates an empty pool.</summary>
    public StringPool() => lookup = entries.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The pooled string equal to <paramref name="value"/>.</summary>
    public string Get(ReadOnlySpan<char> value)
    {
        if (lookup.TryGetValue(value, out var existing))
        {
            return existing;
        }

        var created = new string(value);
        // A column that turns out to be high-cardinality stops being pooled instead of growing without bound.
        if (entries.Count < MaxEntries)
        {
            entries.Add(created, created);
        }

        return created;
    }
}
