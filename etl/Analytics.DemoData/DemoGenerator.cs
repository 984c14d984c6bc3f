using Analytics.DemoData.Feeds;
using Analytics.DemoData.Population;

namespace Analytics.DemoData;

/// <summary>
/// Writes the deterministic demo extracts (EXTRACTS.md) for the seed plans' regions — or the province-scale
/// benchmark set — and a manifest of what it wrote, including the dirt it injected.
/// </summary>
public static class DemoGenerator
{
    /// <summary>
    /// Generates the feeds named in <paramref name="options"/> into its output directory and writes
    /// <c>manifest.json</c> there. Files are independent jobs run in parallel; each is written by one thread from
    /// keyed random streams, so the same seed and options give byte-identical files whatever the parallelism.
    /// </summary>
    /// <returns>The manifest (also written to <see cref="DemoManifest.FileName"/>).</returns>
    public static DemoManifest Generate(DemoOptions options, IProgress<DemoProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Directory.CreateDirectory(options.OutputDirectory);
        var seed = (ulong)(uint)options.Seed;

        var jobs = new List<Func<DemoFileEntry>>();
        foreach (var region in Regions(options, seed))
        {
            var context = new FeedContext
            {
                Population = new EnterprisePopulation(new EnterpriseSynthesizer(region, seed), cache: !region.IsProvince),
                Options = options,
                Seed = seed,
                Progress = progress,
                CancellationToken = cancellationToken,
            };
            jobs.AddRange(JobsFor(context));
        }

        var entries = FileJobs.Run(jobs, options.MaxParallelism, cancellationToken);

        var manifest = new DemoManifest(
            options.Seed,
            options.Scale,
            options.ProvinceScale,
            options.DirtRate,
            [.. entries.OrderBy(e => e.Path, StringComparer.Ordinal)]);
        File.WriteAllText(Path.Combine(options.OutputDirectory, DemoManifest.FileName), manifest.ToJson());
        return manifest;
    }

    private static IEnumerable<RegionModel> Regions(DemoOptions options, ulong seed)
    {
        if (options.ProvinceScale is { } k)
        {
            yield return RegionModel.Province(seed, k);
            yield break;
        }

        foreach (var region in options.Regions.Distinct())
        {
            yield return region switch
            {
                DemoRegion.Chongqing => RegionModel.Chongqing(seed, options.Scale),
                DemoRegion.Yueyang => RegionModel.Yueyang(seed, options.Scale),
                _ => throw new ArgumentOutOfRangeException(nameof(options), region, "Unknown region."),
            };
        }
    }

    /// <summary>The region's file jobs, the big streams first so the parallel schedule ends evenly.</summary>
    private static IEnumerable<Func<DemoFileEntry>> JobsFor(FeedContext context)
    {
        var feeds = context.Options.Feeds;
        if (feeds.HasFlag(DemoFeeds.Patents))
        {
            yield return () => PatentFeed.Write(context);
        }

        if (feeds.HasFlag(DemoFeeds.RdSpend))
        {
            yield return () => RdSpendFeed.Write(context);
        }

        if (feeds.HasFlag(DemoFeeds.Registry))
        {
            foreach (var job in RegistryFeed.Jobs(context))
            {
                yield return job;
            }
        }

        if (feeds.HasFlag(DemoFeeds.Survey))
        {
            foreach (var job in SurveyFeed.Jobs(context))
            {
                yield return job;
            }
        }

        if (feeds.HasFlag(DemoFeeds.Recognitions) && !context.Region.IsProvince)
        {
            foreach (var job in RecognitionFeed.Jobs(context))
            {
                yield return job;
            }
        }
    }
}
