namespace Analytics.DemoData.Population;

/// <summary>
/// A region's firms by index. Demo regions are small enough to keep (and are read by several feeds); the province
/// is re-synthesised on every pass so memory stays constant.
/// </summary>
internal sealed class EnterprisePopulation
{
    private readonly EnterpriseSynthesizer _synthesizer;
    private readonly Lazy<Enterprise[]>? _cache;

    public EnterprisePopulation(EnterpriseSynthesizer synthesizer, bool cache)
    {
        _synthesizer = synthesizer;
        if (cache)
        {
            _cache = new Lazy<Enterprise[]>(
                () =>
                {
                    var all = new Enterprise[synthesizer.Count];
                    for (var i = 0; i < all.Length; i++)
                    {
                        all[i] = synthesizer.Create(i);
                    }

                    return all;
                },
                LazyThreadSafetyMode.ExecutionAndPublication);
        }
    }

    public RegionModel Region => _synthesizer.Region;

    public long Count => _synthesizer.Count;

    public Enterprise this[long index] => _cache is null ? _synthesizer.Create(index) : _cache.Value[index];

    public IEnumerable<Enterprise> Enumerate(CancellationToken cancellationToken)
    {
        for (long i = 0; i < Count; i++)
        {
            if ((i & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            yield return this[i];
        }
    }
}
