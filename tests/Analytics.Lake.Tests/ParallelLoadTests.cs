using System.Globalization;
using System.Text;
using Analytics.DemoData;
using Analytics.Etl.Contracts;
using Analytics.Etl.Reading;
using Analytics.Etl.Sources;
using Analytics.Lake.Tests.Support;

namespace Analytics.Lake.Tests;

/// <summary>
/// A load that validates each file on several threads (issue 18) must publish the lake a sequential load publishes:
/// the same rows in every feed (compared as sorted content: the order inside Parquet files is not part of the lake),
/// the same quarantine, the same manifest. Files are cut into many small chunks so split points land everywhere; the
/// files the loader reads whole (the workbooks, the small files) are read two at a time meanwhile, and some of those are
/// split by the chunking reader on the file's own thread. ParallelWorkbookLoadTests has the workbooks alone. The
/// parallel load also stages in small parts (<see cref="LakeLoadOptions.StagedPartRows"/>), so rows withdrawn as
/// duplicates sit in parts already written out.
/// </summary>
public sealed class ParallelLoadTests : IDisposable
{
    private readonly LakeFolder sequential = new();
    private readonly LakeFolder parallel = new();

    public void Dispose()
    {
        sequential.Dispose();
        parallel.Dispose();
    }

    [Fact]
    public void The_demo_extracts_loaded_in_parallel_give_the_sequential_lake()
    {
        var demo = Path.Combine(sequential.Root, "demo");
        var manifest = DemoGenerator.Generate(new DemoOptions { OutputDirectory = demo });
        var inputs = manifest.Files
            .Select(f => LakeFolder.Input(FeedNames.TryParse(f.Feed, out var feed) ? feed.Value : throw new InvalidOperationException(f.Feed), Path.Combine(demo, f.Path)))
            .ToList();
        Assert.Contains(inputs, i => FeedLoader.FormatOf(i.Path) == SourceFormat.Csv && new FileInfo(i.Path).Length > 4 * ChunkBytes);
        Assert.Contains(inputs, i => FeedLoader.FormatOf(i.Path) == SourceFormat.JsonLines && new FileInfo(i.Path).Length > 4 * ChunkBytes);

        AssertSameLake(inputs, ChunkBytes, partRows: 5_000);
    }

    [Fact]
    public void Hostile_files_loaded_in_parallel_give_the_sequential_lake()
    {
        var registry = new StringBuilder();
        var rd = new StringBuilder();
        var patents = new StringBuilder();
        for (var i = 1; i <= 300; i++)
        {
            var serial = i % 10 == 0 ? i - 150 : i; // repeats far apart: duplicates and conflicts across chunks
            var name = (i % 4) switch { 0 => "\"多行\r\n名称\"", 1 => "\"引号\"\"和,逗号\"", 2 => "5\"管材", _ => "公司" };
            registry.Append(i % 17 == 0 ? "" : Extracts.RegistryRow(Extracts.Credit(Math.Abs(serial)), revenue: i % 7 == 0 ? "-1" : string.Create(CultureInfo.InvariantCulture, $"{i}.5")).Replace("重庆测试科技有限公司", name, StringComparison.Ordinal)).Append("\r\n");
            rd.Append(CultureInfo.InvariantCulture, $"{Extracts.Credit(Math.Abs(serial))},2016,{(i % 9 == 0 ? "abc" : "12.5")},{(i % 20 == 0 ? i : 1500)}\n");
            patents.Append(i % 13 == 0 ? "{\"application_no\": " : Extracts.PatentLine(Extracts.Patent(2019, 1, Math.Abs(serial)), $"[\"{Extracts.Credit(i)}\",\"张三\"]")).Append(i % 3 == 0 ? "\r\n" : "\n");
        }

        var inputs = new List<LoadInput>
        {
            LakeFolder.Input(FeedKind.Registry, sequential.WriteText("registry_2016-12-31.csv", Extracts.Registry() + registry, LakeFolder.Gbk)),
            LakeFolder.Input(FeedKind.RdSpend, sequential.WriteText("rd_spend.csv", Extracts.RdSpend() + rd, LakeFolder.Utf8Bom)),
            LakeFolder.Input(FeedKind.Patents, sequential.WriteText("patents.jsonl", "\uFEFF" + patents, LakeFolder.Utf8NoBom)),
        };

        AssertSameLake(inputs, 1, partRows: 7);
    }

    [Fact]
    public void A_sequential_load_staged_in_parts_of_a_few_rows_gives_the_same_lake()
    {
        var demo = Path.Combine(sequential.Root, "demo");
        var manifest = DemoGenerator.Generate(new DemoOptions { OutputDirectory = demo, Feeds = DemoFeeds.Patents | DemoFeeds.Registry });
        var inputs = manifest.Files
            .Select(f => LakeFolder.Input(FeedNames.TryParse(f.Feed, out var feed) ? feed.Value : throw new InvalidOperationException(f.Feed), Path.Combine(demo, f.Path)))
            .ToList();

        var whole = sequential.Loader(EtlFileReader.WithParallelism(1), parallelism: 1).Load(inputs);
        var parts = parallel.Loader(EtlFileReader.WithParallelism(1), parallelism: 1, partRows: 97).Load(inputs);

        Assert.True(Directory.EnumerateFiles(parallel.LakeRoot, "*.parquet", SearchOption.AllDirectories).Any());
        Assert.DoesNotContain(Directory.EnumerateDirectories(parallel.LakeRoot, "*", SearchOption.AllDirectories), d => Path.GetFileName(d) is "parts" or "spill");
        SameLake.Assert(whole, sequential, parts, parallel);
    }

    private const long ChunkBytes = 64 * 1024;

    private void AssertSameLake(List<LoadInput> inputs, long chunkBytes, long partRows)
    {
        var one = sequential.Loader(EtlFileReader.WithParallelism(1), parallelism: 1).Load(inputs);
        var split = 0;
        FeedFileReader chunked = (input, sink, token) =>
        {
            var options = new FeedReadOptions
            {
                Encoding = input.Encoding, AsOf = input.AsOf, Sheets = input.Sheets ?? SheetSelection.All,
                Parallelism = 2, MinChunkBytes = chunkBytes, ChunksPerThread = 16,
            };
            var counting = new ThreadCounting((IParallelFeedSink)sink);
            var result = FeedLoader.Read(input.Feed, input.Path, counting, options);
            if (counting.Threads > 1)
            {
                Interlocked.Increment(ref split); // files read whole run on threads of their own
            }

            return result;
        };
        var two = parallel.Loader(chunked, parallelism: 2, partRows).Load(inputs);

        Assert.True(split >= 2, $"only {split} file(s) were read in parallel");
        SameLake.Assert(one, sequential, two, parallel);
    }

    /// <summary>Passes a parallel read through, counting the threads it used.</summary>
    private sealed class ThreadCounting(IParallelFeedSink inner) : IParallelFeedSink
    {
        public int Threads { get; private set; }

        public IFeedSink ForThread(int thread)
        {
            Threads++;
            return inner.ForThread(thread);
        }

        public void Accept(FeedRecord record) => inner.Accept(record);

        public void Quarantine(Rejection rejection) => inner.Quarantine(rejection);

        public void Withdraw(long acceptedIndex, Rejection rejection) => inner.Withdraw(acceptedIndex, rejection);
    }
}
