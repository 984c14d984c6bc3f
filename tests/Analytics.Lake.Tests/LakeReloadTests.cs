using Analytics.Etl.Contracts;
using Analytics.Lake.Tests.Support;

namespace Analytics.Lake.Tests;

public sealed class LakeReloadTests : IDisposable
{
    private readonly LakeFolder folder = new();

    public void Dispose() => folder.Dispose();

    private List<LoadInput> FirstFiles() =>
    [
        LakeFolder.Input(FeedKind.Registry, folder.WriteText("registry_2016-12-31.csv",
            Extracts.Registry(Extracts.RegistryRow(Extracts.Credit(1)), Extracts.RegistryRow(Extracts.Credit(2))), LakeFolder.Gbk)),
        LakeFolder.Input(FeedKind.Patents, folder.WriteText("patents_2019.jsonl",
            Extracts.PatentLine(Extracts.Patent(2019, 1, 1), $"[\"{Extracts.Credit(1)}\"]") + "\n", LakeFolder.Utf8NoBom)),
    ];

    [Fact]
    public void Loading_the_same_files_again_is_nothing_new_and_changes_no_lake_file()
    {
        var inputs = FirstFiles();
        var first = folder.Loader().Load(inputs);
        var before = folder.Snapshot();

        var again = folder.Loader().Load(inputs);

        Assert.Equal("nothing_new", again.Status);
        Assert.Empty(again.Files);
        Assert.Equal(["load=" + first.BatchId], folder.BatchFolders());
        Assert.Equal(before, folder.Snapshot());
        Assert.Single(folder.LoadRecords("nothing_new"));
    }

    [Fact]
    public void The_same_content_under_another_name_or_listed_twice_is_loaded_once()
    {
        var inputs = FirstFiles();
        var copy = Path.Combine(folder.Extracts, "registry_copy_2016-12-31.csv");
        File.Copy(inputs[0].Path, copy);

        var manifest = folder.Loader().Load([.. inputs, inputs[0], LakeFolder.Input(FeedKind.Registry, copy)]);

        Assert.Equal(2, manifest.Files.Count);
        Assert.Equal(2L, LakeFolder.Query($"SELECT count(*) FROM {LakeFolder.ReadParquet(folder.Layout.FeedGlob(FeedKind.Registry))}").Single()[0]);
        Assert.Equal("nothing_new", folder.Loader().Load([LakeFolder.Input(FeedKind.Registry, copy)]).Status);
    }

    [Fact]
    public void A_new_file_is_loaded_as_a_second_batch_holding_only_it()
    {
        var inputs = FirstFiles();
        var first = folder.Loader().Load(inputs);
        var before = folder.Snapshot();
        var newer = LakeFolder.Input(FeedKind.Patents, folder.WriteText("patents_2020.jsonl",
            Extracts.PatentLine(Extracts.Patent(2020, 1, 2), $"[\"{Extracts.Credit(2)}\"]", "2020-01-15") + "\n", LakeFolder.Utf8NoBom));

        var second = folder.Loader().Load([.. inputs, newer]);

        Assert.Equal("published", second.Status);
        Assert.NotEqual(first.BatchId, second.BatchId);
        Assert.Equal(LakeLoader.BatchIdOf([newer]), second.BatchId);
        Assert.Equal(new[] { "load=" + first.BatchId, "load=" + second.BatchId }.Order(StringComparer.Ordinal), folder.BatchFolders());
        var file = Assert.Single(second.Files);
        Assert.Equal(("patents_2020.jsonl", newer.Sha256, 1L), (file.File, file.Sha256, file.RowsLoaded));
        var after = folder.Snapshot();
        Assert.All(before, entry => Assert.Equal(entry.Value, after[entry.Key]));
        Assert.All(after.Keys.Except(before.Keys), key => Assert.StartsWith("load=" + second.BatchId, key, StringComparison.Ordinal));
        var patents = LakeFolder.Query(
            $"SELECT application_no, load FROM {LakeFolder.ReadParquet(folder.Layout.FeedGlob(FeedKind.Patents))} ORDER BY application_no");
        Assert.Equal([Extracts.Patent(2019, 1, 1), Extracts.Patent(2020, 1, 2)], patents.Select(r => (string)r[0]!));
        Assert.Equal([first.BatchId, second.BatchId], patents.Select(r => Convert.ToString(r[1], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void The_batch_id_depends_only_on_the_files_contents()
    {
        var inputs = FirstFiles();

        Assert.Equal(LakeLoader.BatchIdOf(inputs), LakeLoader.BatchIdOf([inputs[1], inputs[0] with { OriginalName = "renamed.csv" }]));
        Assert.NotEqual(LakeLoader.BatchIdOf(inputs), LakeLoader.BatchIdOf([inputs[0]]));
    }
}
