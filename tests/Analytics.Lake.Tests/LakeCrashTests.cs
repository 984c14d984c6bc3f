using Analytics.Etl.Contracts;
using Analytics.Lake.Tests.Support;

namespace Analytics.Lake.Tests;

public sealed class LakeCrashTests : IDisposable
{
    private readonly LakeFolder folder = new();

    public void Dispose() => folder.Dispose();

    private LoadInput Registry(string name, params int[] serials) => LakeFolder.Input(FeedKind.Registry, folder.WriteText(name,
        Extracts.Registry(serials.Select(s => Extracts.RegistryRow(Extracts.Credit(s))).ToArray()), LakeFolder.Gbk));

    private LoadInput Patents(string name, int serial) => LakeFolder.Input(FeedKind.Patents, folder.WriteText(name,
        Extracts.PatentLine(Extracts.Patent(2019, 1, serial), $"[\"{Extracts.Credit(serial)}\"]") + "\n", LakeFolder.Utf8NoBom));

    /// <summary>Publishes a first batch and returns its id and the lake's snapshot after it.</summary>
    private (string BatchId, SortedDictionary<string, string> Snapshot) PublishFirstBatch()
    {
        var manifest = folder.Loader().Load([Registry("registry_2015-12-31.csv", 1, 2)]);
        Assert.Equal("published", manifest.Status);
        return (manifest.BatchId, folder.Snapshot());
    }

    [Fact]
    public void An_unexpected_exception_on_the_second_file_leaves_the_lake_exactly_as_before()
    {
        var (first, before) = PublishFirstBatch();
        var calls = 0;
        FeedFileReader crashing = (input, sink, token) =>
            ++calls == 2 ? throw new InvalidOperationException("disk on fire") : EtlFileReader.Read(input, sink, token);

        var error = Assert.Throws<InvalidOperationException>(() =>
            folder.Loader(crashing).Load([Registry("registry_2016-12-31.csv", 3, 4), Patents("patents.jsonl", 5)]));

        Assert.Equal("disk on fire", error.Message);
        Assert.Equal(2, calls);
        Assert.Equal(before, folder.Snapshot());
        Assert.Equal(["load=" + first], folder.BatchFolders());
        Assert.Empty(folder.StagingEntries());
        Assert.Contains("disk on fire", BatchManifest.Read(Assert.Single(folder.LoadRecords("failed"))).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Cancelling_between_files_leaves_the_lake_exactly_as_before()
    {
        var (first, before) = PublishFirstBatch();
        using var cancellation = new CancellationTokenSource();
        FeedFileReader cancelling = (input, sink, token) =>
        {
            var result = EtlFileReader.Read(input, sink, token);
            cancellation.Cancel();
            return result;
        };

        Assert.ThrowsAny<OperationCanceledException>(() =>
            folder.Loader(cancelling).Load([Registry("registry_2016-12-31.csv", 3, 4), Patents("patents.jsonl", 5)], cancellationToken: cancellation.Token));

        Assert.Equal(before, folder.Snapshot());
        Assert.Equal(["load=" + first], folder.BatchFolders());
        Assert.Empty(folder.StagingEntries());
        Assert.Single(folder.LoadRecords("cancelled"));
    }

    [Fact]
    public void A_token_cancelled_before_the_load_publishes_nothing()
    {
        var (_, before) = PublishFirstBatch();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            folder.Loader().Load([Patents("patents.jsonl", 5)], cancellationToken: new CancellationToken(canceled: true)));

        Assert.Equal(before, folder.Snapshot());
    }

    [Fact]
    public void A_crash_that_left_a_half_written_staging_folder_is_invisible_and_does_not_block_the_next_load()
    {
        var (first, _) = PublishFirstBatch();
        // What a killed process leaves: a staging folder with Parquet and even a manifest, never renamed into place.
        var patents = Patents("patents.jsonl", 5);
        var leftover = Path.Combine(folder.Layout.StagingRoot, LakeLoader.BatchIdOf([patents]) + "-deadbeef");
        Directory.CreateDirectory(Path.Combine(leftover, "feed=patents", "year=2019"));
        File.Copy(Directory.GetFiles(Path.Combine(folder.Layout.BatchFolder(first), "feed=registry", "year=2016"))[0],
            Path.Combine(leftover, "feed=patents", "year=2019", "data_0.parquet"));
        File.Copy(Path.Combine(folder.Layout.BatchFolder(first), "manifest.json"), Path.Combine(leftover, "manifest.json"));

        Assert.Equal(2L, LakeFolder.Query($"SELECT count(*) FROM {LakeFolder.ReadParquet(folder.Layout.FeedGlob(FeedKind.Registry))}").Single()[0]);
        Assert.Throws<Analytics.DuckDb.DuckDbException>(() => LakeFolder.Query($"SELECT count(*) FROM {LakeFolder.ReadParquet(folder.Layout.FeedGlob(FeedKind.Patents))}"));

        var manifest = folder.Loader().Load([patents]);

        Assert.Equal("published", manifest.Status);
        Assert.Equal(1L, LakeFolder.Query($"SELECT count(*) FROM {LakeFolder.ReadParquet(folder.Layout.FeedGlob(FeedKind.Patents))}").Single()[0]);
    }
}
