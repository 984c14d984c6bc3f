using Analytics.Etl.Contracts;
using Analytics.Lake.Tests.Support;

namespace Analytics.Lake.Tests;

public sealed class LakeRefusalTests : IDisposable
{
    private readonly LakeFolder folder = new();

    public void Dispose() => folder.Dispose();

    private LoadInput GoodRegistry() => LakeFolder.Input(FeedKind.Registry, folder.WriteText("registry_2016-12-31.csv",
        Extracts.Registry(Extracts.RegistryRow(Extracts.Credit(1)), Extracts.RegistryRow(Extracts.Credit(2))), LakeFolder.Gbk));

    private LoadInput GoodPatents() => LakeFolder.Input(FeedKind.Patents, folder.WriteText("patents.jsonl",
        Extracts.PatentLine(Extracts.Patent(2019, 1, 1), $"[\"{Extracts.Credit(1)}\"]") + "\n", LakeFolder.Utf8NoBom));

    private LoadInput Bad(string kind)
    {
        switch (kind)
        {
            case "binary":
                var bytes = new byte[2048];
                new Random(7).NextBytes(bytes);
                bytes[10] = 0;
                return LakeFolder.Input(FeedKind.Registry, folder.WriteBytes("noise_2016-12-31.csv", bytes));
            case "missing_column":
                var headers = Extracts.RegistryHeaders.Where(h => h != "国民经济行业代码");
                var row = string.Join(',', Extracts.RegistryRow(Extracts.Credit(5)).Split(',').Where((_, i) => i != 3));
                return LakeFolder.Input(FeedKind.Registry, folder.WriteText("no_industry_2016-12-31.csv", Extracts.Registry(headers, row), LakeFolder.Gbk));
            case "gbk_past_detection":
                // 70 KB of UTF-8 rows, then a GBK row: the rows before it reach staging before the file is refused.
                var rows = Enumerable.Range(100, 1000).Select(i => Extracts.RegistryRow(Extracts.Credit(i))).ToArray();
                var utf8 = LakeFolder.Utf8NoBom.GetBytes(Extracts.Registry(rows));
                var gbkRow = LakeFolder.Gbk.GetBytes(Extracts.RegistryRow(Extracts.Credit(2000)) + "\r\n");
                return LakeFolder.Input(FeedKind.Registry, folder.WriteBytes("mixed_2016-12-31.csv", [.. utf8, .. gbkRow]));
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    [Theory]
    [InlineData("binary", "binary")]
    [InlineData("missing_column", "industry_code")]
    [InlineData("gbk_past_detection", "not valid UTF-8")]
    public void A_refused_file_among_good_ones_publishes_nothing_and_names_the_file(string kind, string reason)
    {
        var bad = Bad(kind);

        var refused = Assert.Throws<LoadRefusedException>(() => folder.Loader().Load([GoodRegistry(), bad, GoodPatents()]));

        Assert.Contains(bad.OriginalName, refused.Message, StringComparison.Ordinal);
        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
        Assert.Empty(folder.BatchFolders());
        Assert.Empty(folder.StagingEntries());
        var record = BatchManifest.Read(Assert.Single(folder.LoadRecords("refused")));
        Assert.Equal("refused", record.Status);
        Assert.Contains(bad.OriginalName, record.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void After_a_refusal_the_good_files_load_once_the_bad_one_is_left_out()
    {
        var good = new[] { GoodRegistry(), GoodPatents() };
        Assert.Throws<LoadRefusedException>(() => folder.Loader().Load([.. good, Bad("binary")]));

        var manifest = folder.Loader().Load(good);

        Assert.Equal("published", manifest.Status);
        Assert.Equal(2, manifest.Files.Count);
    }

    [Fact]
    public void A_header_only_file_among_good_ones_loads_nothing_from_it_and_publishes_the_rest()
    {
        var empty = LakeFolder.Input(FeedKind.Registry, folder.WriteText("header_only_2017-12-31.csv", Extracts.Registry(), LakeFolder.Gbk));

        var manifest = folder.Loader().Load([GoodRegistry(), empty, GoodPatents()]);

        Assert.Equal("published", manifest.Status);
        Assert.Single(folder.BatchFolders());
        var file = Assert.Single(manifest.Files, f => f.File == empty.OriginalName);
        Assert.True(file.EmptyDelivery);
        Assert.Equal(0, file.RowsLoaded);
        Assert.Contains(file.Warnings, w => w.Contains("no data rows", StringComparison.Ordinal));
        Assert.Equal(3, manifest.RowsLoaded);
        var record = BatchManifest.Read(Assert.Single(folder.LoadRecords("published")));
        Assert.True(Assert.Single(record.Files, f => f.File == empty.OriginalName).EmptyDelivery);

        // A re-run changes nothing: the empty file is in the published batch like any other.
        Assert.Equal("nothing_new", folder.Loader().Load([GoodRegistry(), empty, GoodPatents()]).Status);
    }

    [Fact]
    public void A_refusal_names_the_file_as_delivered_its_source_and_the_landing_path_once()
    {
        var landed = Bad("binary");
        var bad = landed with { OriginalName = "企业名录_2016.csv", Source = "district-registry", Origin = "https://example.org/exports/企业名录_2016.csv" };

        var refused = Assert.Throws<LoadRefusedException>(() => folder.Loader().Load([GoodRegistry(), bad]));

        Assert.Contains("企业名录_2016.csv", refused.Message, StringComparison.Ordinal);
        Assert.Contains("district-registry", refused.Message, StringComparison.Ordinal);
        Assert.Contains(bad.Origin!, refused.Message, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(refused.Message, System.Text.RegularExpressions.Regex.Escape(bad.Path)));
        Assert.Contains("binary", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_refused()
    {
        var missing = new LoadInput(FeedKind.Registry, Path.Combine(folder.Extracts, "gone.csv"), new string('a', 64), "gone.csv");

        var refused = Assert.Throws<LoadRefusedException>(() => folder.Loader().Load([GoodRegistry(), missing]));

        Assert.Contains("gone.csv", refused.Message, StringComparison.Ordinal);
        Assert.Empty(folder.BatchFolders());
    }

    /// <summary>The real reader, with a sink in between that misdelivers rows, so the reader's counts no longer match what arrived.</summary>
    private static FeedFileReader Lying(string how) => (input, sink, token) =>
        EtlFileReader.Read(input, new MisdeliveringSink(sink, how), token);

    [Theory]
    [InlineData("drop_accepted")]
    [InlineData("double_accepted")]
    [InlineData("drop_quarantined")]
    public void A_reader_whose_counts_do_not_match_the_rows_it_delivered_publishes_nothing(string how)
    {
        var registry = LakeFolder.Input(FeedKind.Registry, folder.WriteText("registry_2016-12-31.csv", Extracts.Registry(
            Extracts.RegistryRow(Extracts.Credit(1)), Extracts.RegistryRow(Extracts.WrongCheck(Extracts.Credit(2))), Extracts.RegistryRow(Extracts.Credit(3))), LakeFolder.Gbk));

        var error = Assert.Throws<RowConservationException>(() => folder.Loader(Lying(how)).Load([GoodPatents(), registry]));

        Assert.Contains("Nothing was published", error.Message, StringComparison.Ordinal);
        Assert.Empty(folder.BatchFolders());
        Assert.Empty(folder.StagingEntries());
        Assert.Single(folder.LoadRecords("failed"));
    }

    [Fact]
    public void A_reader_that_reports_rows_it_never_delivered_to_the_lake_publishes_nothing()
    {
        // Reads the file into a throwaway sink and reports its real counts: the lake's sink received nothing.
        FeedFileReader reader = (input, _, token) => EtlFileReader.Read(input, new CollectingFeedSink(), token);

        Assert.Throws<RowConservationException>(() => folder.Loader(reader).Load([GoodRegistry()]));

        Assert.Empty(folder.BatchFolders());
    }

    private sealed class MisdeliveringSink(IFeedSink inner, string how) : IFeedSink
    {
        private bool done;

        public void Accept(FeedRecord record)
        {
            if (how == "drop_accepted" && !done)
            {
                done = true;
                return;
            }

            inner.Accept(record);
            if (how == "double_accepted" && !done)
            {
                done = true;
                inner.Accept(record);
            }
        }

        public void Quarantine(Rejection rejection)
        {
            if (how == "drop_quarantined")
            {
                return;
            }

            inner.Quarantine(rejection);
        }

        public void Withdraw(long acceptedIndex, Rejection rejection) => inner.Withdraw(acceptedIndex, rejection);
    }
}
