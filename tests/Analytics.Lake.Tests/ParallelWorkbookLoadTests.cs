using Analytics.DemoData;
using Analytics.Etl.Contracts;
using Analytics.Etl.Sources;
using Analytics.Lake.Tests.Support;

namespace Analytics.Lake.Tests;

/// <summary>
/// A load reads the files it reads whole (workbooks, small files) several at a time, one per thread (issue 18, part
/// 1/2). With <c>--parallel 2</c> it must publish what <c>--parallel 1</c> (one file after another) publishes: the same
/// lake, quarantine and manifest; and refuse what it refuses, naming the same file — the first refused in delivery
/// order, even when a later file fails sooner.
/// </summary>
public sealed class ParallelWorkbookLoadTests : IDisposable
{
    private readonly LakeFolder oneByOne = new();
    private readonly LakeFolder severalAtATime = new();

    public void Dispose()
    {
        oneByOne.Dispose();
        severalAtATime.Dispose();
    }

    [Fact]
    public void The_demo_workbooks_read_two_at_a_time_give_the_one_by_one_lake()
    {
        var demo = Path.Combine(oneByOne.Root, "demo");
        var manifest = DemoGenerator.Generate(new DemoOptions { OutputDirectory = demo, Feeds = DemoFeeds.Survey | DemoFeeds.Recognitions, Scale = 0.25 });
        var inputs = manifest.Files
            .Select(f => LakeFolder.Input(FeedNames.TryParse(f.Feed, out var feed) ? feed.Value : throw new InvalidOperationException(f.Feed), Path.Combine(demo, f.Path)))
            .ToList();
        Assert.True(inputs.Count(i => i.Feed == FeedKind.Survey) >= 2, "the demo has several survey workbooks");
        Assert.Contains(inputs, i => i.Feed == FeedKind.Recognitions);
        Assert.All(inputs, i => Assert.EndsWith(".xlsx", i.Path, StringComparison.Ordinal));

        AssertSameLake(inputs);
    }

    [Fact]
    public void Hostile_workbooks_and_an_empty_delivery_read_two_at_a_time_give_the_one_by_one_lake()
    {
        var inputs = new List<LoadInput>
        {
            Survey("survey_2016_a.xlsx", SurveyWorkbooks.Dirty(1)),
            Survey("survey_2016_b.xlsx", SurveyWorkbooks.Dirty(2)),
            Survey("survey_2016_c.xlsx", SurveyWorkbooks.Dirty(1, rows: 60)), // the first one's firms again: duplicates across files stay
            Survey("survey_2016_empty.xlsx", SurveyWorkbooks.HeaderOnly()),
            LakeFolder.Input(FeedKind.Registry, oneByOne.WriteText("registry_2016-12-31.csv",
                Extracts.Registry(Extracts.RegistryRow(Extracts.Credit(1)), Extracts.RegistryRow(Extracts.Credit(1), revenue: "-5")), LakeFolder.Gbk)),
        };

        var (one, two) = AssertSameLake(inputs);

        var empty = two.Files.Single(f => f.File == "survey_2016_empty.xlsx");
        Assert.True(empty.EmptyDelivery);
        Assert.Contains(empty.Warnings, w => w.StartsWith("empty delivery", StringComparison.Ordinal));
        var dirty = one.Files.Single(f => f.File == "survey_2016_a.xlsx");
        Assert.True(dirty.QuarantinedByRule.Count >= 3, string.Join(", ", dirty.QuarantinedByRule.Keys));
        Assert.Contains(dirty.QuarantinedByRule.Keys, r => r.Contains("duplicate", StringComparison.OrdinalIgnoreCase));
    }

    public static TheoryData<string[]> RefusedBatches() => new()
    {
        { ["headerless_sheet"] },
        { ["not_a_workbook"] },
        { ["headerless_sheet", "not_a_workbook"] },
        { ["not_a_workbook", "binary_csv", "headerless_sheet"] },
    };

    [Theory]
    [MemberData(nameof(RefusedBatches))]
    public void A_refused_workbook_is_reported_as_the_one_by_one_load_reports_it(string[] bad)
    {
        var good = new List<LoadInput>
        {
            Survey("survey_2016_a.xlsx", SurveyWorkbooks.Dirty(1)),
            Survey("survey_2016_b.xlsx", SurveyWorkbooks.Dirty(2)),
            Survey("survey_2016_empty.xlsx", SurveyWorkbooks.HeaderOnly()),
        };
        var refused = bad.Select(Bad).ToList();
        List<LoadInput> inputs = [.. good, .. refused];
        var first = refused.MinBy(i => i.Sha256, StringComparer.Ordinal)!; // the loader's delivery order

        var sequential = Assert.Throws<LoadRefusedException>(() => oneByOne.Loader(EtlFileReader.WithParallelism(1), parallelism: 1).Load(inputs));
        var concurrent = Assert.Throws<LoadRefusedException>(() =>
            severalAtATime.Loader(FirstWaitsForAnotherToFail(first, refused.Count > 1, EtlFileReader.WithParallelism(2)), parallelism: 2).Load(inputs));

        Assert.Contains($"'{first.OriginalName}'", sequential.Message, StringComparison.Ordinal);
        Assert.Equal(sequential.Message, concurrent.Message);
        foreach (var folder in new[] { oneByOne, severalAtATime })
        {
            Assert.Empty(folder.BatchFolders());
            Assert.Empty(folder.StagingEntries());
            Assert.Equal(sequential.Message, BatchManifest.Read(Assert.Single(folder.LoadRecords("refused"))).Error);
        }

        // With the refused files left out, the good ones publish the one-by-one lake.
        AssertSameLake(good);
    }

    private LoadInput Survey(string name, Etl.Tests.Support.XlsxBuilder book) =>
        LakeFolder.Input(FeedKind.Survey, book.Write(Path.Combine(oneByOne.Extracts, name)));

    private LoadInput Bad(string kind)
    {
        switch (kind)
        {
            case "headerless_sheet":
                return Survey("survey_2016_notes.xlsx", SurveyWorkbooks.WithHeaderlessSheet(3));
            case "not_a_workbook":
                return LakeFolder.Input(FeedKind.Survey, oneByOne.WriteText("survey_2016_text.xlsx", string.Join(",", SurveyWorkbooks.Headers) + "\n", LakeFolder.Utf8NoBom));
            case "binary_csv":
                var bytes = new byte[2048];
                new Random(7).NextBytes(bytes);
                bytes[10] = 0;
                return LakeFolder.Input(FeedKind.Registry, oneByOne.WriteBytes("noise_2016-12-31.csv", bytes));
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    // Loads the inputs one by one and two at a time (the first reads wait for a second to begin, so they overlap) and
    // asserts the same lake. Returns both manifests.
    private static (BatchManifest One, BatchManifest Two) AssertSameLake(List<LoadInput> inputs)
    {
        var one = new LakeFolder();
        var two = new LakeFolder();
        try
        {
            var sequential = one.Loader(EtlFileReader.WithParallelism(1), parallelism: 1).Load(inputs);
            var overlap = new Overlap();
            var concurrent = two.Loader(overlap.Wrap(EtlFileReader.WithParallelism(2)), parallelism: 2).Load(inputs);

            Assert.Equal(2, overlap.Most);
            SameLake.Assert(sequential, one, concurrent, two);
            return (sequential, concurrent);
        }
        finally
        {
            one.Dispose();
            two.Dispose();
        }
    }

    // The first refused file (in delivery order) is held until another file has failed, so the later failure is met first.
    private static FeedFileReader FirstWaitsForAnotherToFail(LoadInput first, bool another, FeedFileReader inner)
    {
        var failed = 0;
        return (input, sink, token) =>
        {
            if (another && input.Sha256 == first.Sha256)
            {
                Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref failed) > 0, TimeSpan.FromSeconds(30)), "no later file failed while the first refused one waited");
            }

            try
            {
                return inner(input, sink, token);
            }
            catch
            {
                Interlocked.Increment(ref failed);
                throw;
            }
        };
    }

    /// <summary>Counts the files read at once; the first read waits (up to 30 s) for a second, so files read together are seen together.</summary>
    private sealed class Overlap
    {
        private int running;
        private int most;
        private int waited;

        public int Most => Volatile.Read(ref most);

        public FeedFileReader Wrap(FeedFileReader inner) => (input, sink, token) =>
        {
            var now = Interlocked.Increment(ref running);
            int seen;
            while (now > (seen = Volatile.Read(ref most)) && Interlocked.CompareExchange(ref most, now, seen) != seen)
            {
            }

            if (Interlocked.Exchange(ref waited, 1) == 0)
            {
                SpinWait.SpinUntil(() => Volatile.Read(ref most) >= 2, TimeSpan.FromSeconds(30));
            }

            try
            {
                return inner(input, sink, token);
            }
            finally
            {
                Interlocked.Decrement(ref running);
            }
        };
    }
}
