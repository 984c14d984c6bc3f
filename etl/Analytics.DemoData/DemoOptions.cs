namespace Analytics.DemoData;

/// <summary>What <see cref="DemoGenerator.Generate"/> writes, and where.</summary>
public sealed class DemoOptions
{
    /// <summary>The default seed: the date the CQ2013 plan was issued.</summary>
    public const int DefaultSeed = 20130423;

    /// <summary>Folder the feeds and manifest.json are written to (created if missing; existing feed files are overwritten).</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Same seed and options → byte-identical files.</summary>
    public int Seed { get; init; } = DefaultSeed;

    /// <summary>
    /// Multiplier on the demo regions' sizes: 1 gives ~30,000 live Chongqing firms and ~8,000 Yueyang firms, with
    /// recognition volumes and patent, R&amp;D and survey rows in proportion.
    /// </summary>
    public double Scale { get; init; } = 1.0;

    /// <summary>
    /// When set, generates the synthetic province-scale benchmark region (<c>pv</c>) instead of the demo regions:
    /// k × (5 million registry rows in one snapshot, ~20 million patents, ~25 million R&amp;D rows, ~2.5 million
    /// survey rows), streamed: memory holds only the survey's sampled firms (a few tens of MB per unit of k).
    /// Recognitions are not generated at this scale.
    /// </summary>
    public double? ProvinceScale { get; init; }

    /// <summary>Demo regions to generate (ignored when <see cref="ProvinceScale"/> is set).</summary>
    public IReadOnlyList<DemoRegion> Regions { get; init; } = [DemoRegion.Chongqing, DemoRegion.Yueyang];

    /// <summary>Feeds to generate; benchmarks may ask for just one.</summary>
    public DemoFeeds Feeds { get; init; } = DemoFeeds.All;

    /// <summary>Share of rows that get each applicable dirt kind (EXTRACTS.md); 0 writes clean files.</summary>
    public double DirtRate { get; init; } = 0.01;

    /// <summary>Rows per sheet before a workbook continues on a new sheet (Excel's limit; lower only for tests).</summary>
    internal int MaxRowsPerSheet { get; init; } = Writers.XlsxWorkbookWriter.ExcelRowLimit;

    /// <summary>
    /// Files are written up to this many at a time (one thread per file, biggest first); the survey's sampling pass
    /// also uses up to this many threads.
    /// </summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(OutputDirectory))
        {
            throw new ArgumentException("Give an output directory.", nameof(OutputDirectory));
        }

        if (!(Scale > 0 && Scale <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(Scale), Scale, "Scale must be in (0, 100].");
        }

        if (ProvinceScale is { } k && !(k > 0 && k <= 20))
        {
            throw new ArgumentOutOfRangeException(nameof(ProvinceScale), k, "ProvinceScale must be in (0, 20].");
        }

        if (!(DirtRate >= 0 && DirtRate <= 0.05))
        {
            throw new ArgumentOutOfRangeException(nameof(DirtRate), DirtRate, "DirtRate must be in [0, 0.05] (it applies per dirt kind).");
        }

        if (ProvinceScale is null && Regions.Count == 0)
        {
            throw new ArgumentException("Name at least one region.", nameof(Regions));
        }
    }
}
