using Analytics.DemoData.Randomness;

namespace Analytics.DemoData.Dirt;

/// <summary>
/// Decides which dirt, if any, a row gets. The kinds that apply to a feed share the unit interval in slices of
/// <c>rate</c>, so each kind hits about <c>rate</c> of the rows and a row carries at most one kind — which keeps
/// the manifest's counts exact and the loader's quarantine reasons unambiguous.
/// </summary>
internal sealed class DirtPlan
{
    private readonly DirtKind[] _kinds;
    private readonly double _rate;

    public DirtPlan(double rate, params DirtKind[] kinds)
    {
        if (rate * kinds.Length > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, $"A dirt rate of {rate} leaves no room for {kinds.Length} kinds.");
        }

        _kinds = kinds;
        _rate = rate;
    }

    public double Rate => _rate;

    public DirtKind? Choose(ref Rng rng)
    {
        if (_rate <= 0)
        {
            return null;
        }

        var slice = (int)(rng.NextDouble() / _rate);
        return slice < _kinds.Length ? _kinds[slice] : null;
    }
}
