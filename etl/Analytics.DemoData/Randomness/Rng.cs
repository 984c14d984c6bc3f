namespace Analytics.DemoData.Randomness;

/// <summary>
/// A small counter-based generator (SplitMix64). Every stream is derived from the seed and the keys of what it decides
/// (region, enterprise index, feed, year), so a value never depends on the order in which other values were drawn:
/// the same firm gets the same attributes whether the population is cached, streamed or generated on another thread.
/// </summary>
internal struct Rng
{
    private ulong _state;

    public Rng(ulong state) => _state = state;

    /// <summary>A generator keyed by up to four values (seed first).</summary>
    public static Rng For(ulong a, ulong b = 0, ulong c = 0, ulong d = 0) => new(Hash(a, b, c, d));

    /// <summary>Combines keys into one well-mixed 64-bit value.</summary>
    public static ulong Hash(ulong a, ulong b = 0, ulong c = 0, ulong d = 0)
    {
        var h = Mix(a + 0x9E3779B97F4A7C15UL);
        h = Mix(h ^ (b + 0xBF58476D1CE4E5B9UL));
        h = Mix(h ^ (c + 0x94D049BB133111EBUL));
        return Mix(h ^ (d + 0x2545F4914F6CDD1DUL));
    }

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, maxExclusive).</summary>
    public int Next(int maxExclusive)
    {
        var high = Math.BigMul(NextUInt64(), (ulong)maxExclusive, out _);
        return (int)high;
    }

    /// <summary>Uniform integer in [minInclusive, maxExclusive).</summary>
    public int Next(int minInclusive, int maxExclusive) => minInclusive + Next(maxExclusive - minInclusive);

    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>Standard normal (Box–Muller, one value per call).</summary>
    public double Normal()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Exponential with the given mean.</summary>
    public double Exponential(double mean) => -mean * Math.Log(1.0 - NextDouble());

    /// <summary>Pareto (type I) with minimum 1 and shape <paramref name="alpha"/>: heavy-tailed counts.</summary>
    public double Pareto(double alpha) => Math.Pow(1.0 - NextDouble(), -1.0 / alpha);

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>Index drawn in proportion to <paramref name="cumulativeWeights"/> (running sums, last = total).</summary>
    public int PickCumulative(ReadOnlySpan<double> cumulativeWeights)
    {
        var target = NextDouble() * cumulativeWeights[^1];
        var index = cumulativeWeights.BinarySearch(target);
        index = index < 0 ? ~index : index + 1;
        return Math.Min(index, cumulativeWeights.Length - 1);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
