namespace Analytics.DemoData.Dirt;

/// <summary>Counts of injected dirt for one file.</summary>
internal sealed class DirtTally
{
    private readonly long[] _counts = new long[Enum.GetValues<DirtKind>().Length];

    public void Add(DirtKind kind, long count = 1) => _counts[(int)kind] += count;

    public long this[DirtKind kind] => _counts[(int)kind];

    /// <summary>The non-zero counts by manifest name, in name order.</summary>
    public SortedDictionary<string, long> ToManifest()
    {
        var result = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var kind in Enum.GetValues<DirtKind>())
        {
            if (_counts[(int)kind] > 0)
            {
                result[kind.ToManifestName()] = _counts[(int)kind];
            }
        }

        return result;
    }
}
