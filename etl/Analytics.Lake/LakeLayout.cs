using Analytics.Etl.Contracts;
using Analytics.Etl.Sources;

namespace Analytics.Lake;

/// <summary>
/// Where things live in the lake. Each load is one batch folder, published by a single rename. The folder key is
/// <c>load=</c>, not <c>batch=</c>: the recognitions feed has a column named batch (认定批次), which a Hive key would shadow.
/// <code>
/// lake/load=&lt;id&gt;/feed=registry/year=2013/data_0.parquet     accepted rows, Hive-partitioned by feed and year
/// lake/load=&lt;id&gt;/quarantine/data_0.parquet                  rejected rows with file, row, raw row, rule, message
/// lake/load=&lt;id&gt;/manifest.json                              what the batch holds (files, sha256, counts, times)
/// lake/_staging/&lt;id&gt;-&lt;guid&gt;/                                 the load in progress (never read; the next load removes what a killed one left)
/// lake/_loads/&lt;started&gt;-&lt;attempt&gt;.json                      one record per load attempt: running, then how it ended
/// lake/_load.lock                                               held by the one load running (who it is written inside)
/// </code>
/// Readers glob <c>lake/load=*/feed=&lt;feed&gt;/*/*.parquet</c>, so a batch is either wholly visible or not at all.
/// </summary>
public sealed class LakeLayout(string root)
{
    /// <summary>The lake's root folder.</summary>
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>Folder of loads in progress.</summary>
    public string StagingRoot => Path.Combine(Root, "_staging");

    /// <summary>Folder of load-attempt records.</summary>
    public string LoadsRoot => Path.Combine(Root, "_loads");

    /// <summary>The lock one load at a time holds (<see cref="LakeLoadLock"/>).</summary>
    public string LockPath => Path.Combine(Root, "_load.lock");

    /// <summary>The published folder of a batch.</summary>
    public string BatchFolder(string batchId) => Path.Combine(Root, "load=" + batchId);

    /// <summary>Published batch folders, oldest name first.</summary>
    public IEnumerable<string> PublishedBatches() => Directory.Exists(Root)
        ? Directory.EnumerateDirectories(Root, "load=*").Order(StringComparer.Ordinal)
        : [];

    /// <summary>A glob for one feed's Parquet files across every published batch, for DuckDB's read_parquet.</summary>
    public string FeedGlob(FeedKind feed) => Path.Combine(Root, "load=*", "feed=" + feed.ToName(), "*", "*.parquet");

    /// <summary>A glob for the quarantine files across every published batch.</summary>
    public string QuarantineGlob => Path.Combine(Root, "load=*", "quarantine", "*.parquet");

    /// <summary>A glob for the manifests of every published batch.</summary>
    public string ManifestGlob => Path.Combine(Root, "load=*", "manifest.json");
}
