using Analytics.DemoData.Population;

namespace Analytics.DemoData.Feeds;

/// <summary>What a feed job needs: the region's firms, the options, and where to report.</summary>
internal sealed class FeedContext
{
    public required EnterprisePopulation Population { get; init; }

    public required DemoOptions Options { get; init; }

    public required ulong Seed { get; init; }

    public IProgress<DemoProgress>? Progress { get; init; }

    public CancellationToken CancellationToken { get; init; }

    public RegionModel Region => Population.Region;

    /// <summary>Starts a file under the output directory.</summary>
    public FileRecorder Record(DemoFeeds feed, string relativePath) =>
        new(this, feed.ToManifestName(), Region.Code, relativePath);
}
