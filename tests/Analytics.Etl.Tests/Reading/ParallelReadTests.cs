using System.Text;
using Analytics.Etl.Contracts;
using Analytics.Etl.Reading;
using Analytics.Etl.Tests.Support;
using Analytics.Etl.Validation;

namespace Analytics.Etl.Tests.Reading;

/// <summary>
/// A parallel read (<see cref="FeedReadOptions.Parallelism"/>) must give exactly what the sequential read gives: the
/// same accepted rows with the same source row numbers, the same quarantine (rows, rules, messages), the same counts
/// and warnings. The files are cut into many tiny chunks so that split points fall next to every kind of dirt.
/// </summary>
public sealed class ParallelReadTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    public static TheoryData<string, string, int, int> CsvVariants() => new()
    {
        // encoding, line ends, threads, chunks per thread (a chunk of at least one byte: nearly every record boundary)
        { "gbk", "\r\n", 2, 64 },
        { "gbk", "\n", 3, 1 },
        { "utf8-bom", "\r\n", 2, 500 },
        { "utf8-bom", "\n", 2, 7 },
        { "utf8", "\n", 4, 100 },
    };

    [Theory]
    [MemberData(nameof(CsvVariants))]
    public void A_hostile_registry_csv_read_in_parallel_equals_the_sequential_read(string encoding, string lineEnd, int threads, int chunksPerThread)
    {
        var text = HostileRegistry().Replace("\r\n", lineEnd, StringComparison.Ordinal);
        var path = folder.WriteText("registry_2016-12-31.csv", text, EncodingOf(encoding));

        var parallel = AssertSameAsSequential(FeedKind.Registry, path, threads, chunksPerThread);

        Assert.True(parallel.Threads > 1, "the file was not split");
    }

    [Fact]
    public void A_quote_left_open_makes_the_rest_of_the_file_one_row_in_parallel_too()
    {
        var csv = new RegistryCsv();
        for (var i = 1; i <= 200; i++)
        {
            csv.Row(i, ("企业名称", $"名称{i}\n第二行"));
        }

        csv.RawLine($"{Codes.Credit(9999)},\"never closed,500120");
        for (var i = 201; i <= 300; i++)
        {
            csv.Row(i);
        }

        var path = csv.Write(folder);

        AssertSameAsSequential(FeedKind.Registry, path, 2, 50, maxRowChars: 1 << 20, rules: [RuleIds.UnclosedQuote]);
    }

    [Fact]
    public void Hostile_json_lines_read_in_parallel_equal_the_sequential_read()
    {
        var text = new StringBuilder("\uFEFF");
        for (var i = 1; i <= 600; i++)
        {
            var number = Codes.Patent(2019, 1, 100 + (i % 450)); // keys repeat across chunks: rows 451… repeat rows 1…
            var line = (i % 97) switch
            {
                0 => "{\"application_no\": ",
                1 => "[1,2,3]",
                2 => "",
                3 => "   ",
                _ => JsonLinesReadingTests.Patent(number, extra: i % 50 == 7 ? $",\"unknown_{i % 3}\":1" : i > 455 && i % 2 == 0 ? ",\"legal_status\":\"有效\"" : ""),
            };
            if (i % 89 == 0)
            {
                line = JsonLinesReadingTests.Patent(number, extra: ",\"title\":\"" + new string('长', 400) + "\"");
            }

            text.Append(line).Append(i % 5 == 0 ? "\r\n" : "\n");
        }

        var path = folder.WriteText("patents.jsonl", text.ToString(), TempFolder.Utf8NoBom);

        var parallel = AssertSameAsSequential(FeedKind.Patents, path, 2, 80, maxRowChars: 1000);

        Assert.True(parallel.Threads > 1, "the file was not split");
    }

    [Fact]
    public void A_file_refused_in_a_later_chunk_is_refused_with_the_sequential_message()
    {
        var csv = new RegistryCsv();
        for (var i = 1; i <= 2000; i++)
        {
            csv.Row(i);
        }

        var bytes = Encoding.UTF8.GetBytes(csv.Text());
        Assert.True(bytes.Length > 150_000);
        bytes[bytes.Length * 3 / 4] = 0xFF; // not UTF-8, far past the sample that chose UTF-8
        bytes[bytes.Length * 7 / 8] = 0xFE; // and a second error after it, in a later chunk
        var path = folder.WriteBytes("registry_2016-12-31.csv", bytes);

        var sequential = Assert.Throws<ExtractRefusedException>(() => FeedLoader.Read(FeedKind.Registry, path, new ParallelCollectingSink().ForThread(0), Options(1, 1)));
        var parallel = Assert.Throws<ExtractRefusedException>(() => FeedLoader.Read(FeedKind.Registry, path, new ParallelCollectingSink(), Options(2, 50)));

        Assert.Equal(sequential.Message, parallel.Message);
    }

    [Fact]
    public void A_workbook_is_read_whole_at_any_parallelism_and_equals_the_one_thread_read()
    {
        var book = new XlsxBuilder().Sheet("样本").Row(1, "2016年调查样本").Row(2, "统一社会信用代码", "调查年度", "权重", "使用云服务");
        for (var i = 1; i <= 300; i++)
        {
            // Wrong check characters, zero weights, exact and conflicting duplicates, blank rows.
            var serial = i % 10 == 0 ? i - 5 : i;
            object?[] row = i % 17 == 0 ? [] : [i % 13 == 0 ? Codes.Credit(serial)[..^1] + "X" : Codes.Credit(serial), 2016, i % 11 == 0 ? 0 : 1.5, i % 20 == 0 ? "否" : "是"];
            book.Row(i + 2, row);
        }

        var path = book.Write(folder.File("survey_2016.xlsx"));
        var options = Options(4, 100); // chunks of one byte: a CSV this size would be split
        Assert.True(FeedLoader.ReadsWhole(path, options));

        var one = new CollectingFeedSink();
        var seq = FeedLoader.Read(FeedKind.Survey, path, one, Options(1, 1));
        var whole = new WholeFileSink();
        var par = FeedLoader.Read(FeedKind.Survey, path, whole, options);

        Assert.True(par.IsBalanced);
        Assert.Equal((seq.RowsRead, seq.RowsAccepted, seq.RowsQuarantined, seq.RowsSkippedBlank), (par.RowsRead, par.RowsAccepted, par.RowsQuarantined, par.RowsSkippedBlank));
        Assert.Equal(seq.QuarantinedByRule.OrderBy(p => p.Key), par.QuarantinedByRule.OrderBy(p => p.Key));
        Assert.Equal(seq.Warnings, par.Warnings);
        Assert.Equal(one.RowNumbers, whole.Inner.RowNumbers);
        Assert.Equal(one.Rows, whole.Inner.Rows);
        Assert.Equal(one.Rejections, whole.Inner.Rejections);
        Assert.True(seq.QuarantinedByRule.Count >= 3, string.Join(", ", seq.QuarantinedByRule.Keys));
    }

    [Fact]
    public void A_file_is_read_whole_when_it_is_a_workbook_too_small_to_split_missing_or_read_on_one_thread()
    {
        var csv = new RegistryCsv();
        for (var i = 1; i <= 200; i++)
        {
            csv.Row(i);
        }

        var path = csv.Write(folder);
        var length = new FileInfo(path).Length;
        var split = new FeedReadOptions { Parallelism = 2, MinChunkBytes = length / 2 };
        var small = new FeedReadOptions { Parallelism = 2, MinChunkBytes = (length / 2) + 1 };

        Assert.False(FeedLoader.ReadsWhole(path, split));
        Assert.True(FeedLoader.ReadsWhole(path, small));
        Assert.True(FeedLoader.ReadsWhole(path, new FeedReadOptions { Parallelism = 1, MinChunkBytes = length / 2 }));
        Assert.True(FeedLoader.ReadsWhole(folder.File("missing.csv"), split));

        // What it says is what the read does: split into two chunks, or never asking for a thread's sink.
        var parallel = new ParallelCollectingSink();
        FeedLoader.Read(FeedKind.Registry, path, parallel, split);
        Assert.Equal(2, parallel.Threads);
        var whole = new WholeFileSink();
        var result = FeedLoader.Read(FeedKind.Registry, path, whole, small);
        Assert.Equal(200, result.RowsAccepted);
        Assert.Equal(200, whole.Inner.Rows.Count);
        Assert.Throws<ExtractRefusedException>(() => FeedLoader.Read(FeedKind.Registry, folder.File("missing.csv"), new WholeFileSink(), split));
    }

    private static ParallelCollectingSink AssertSameAsSequential(FeedKind kind, string path, int threads, int chunksPerThread, int? maxRowChars = null, string[]? rules = null)
    {
        var seqSink = new ParallelCollectingSink();
        var seq = FeedLoader.Read(kind, path, seqSink.ForThread(0), Options(1, chunksPerThread, maxRowChars: maxRowChars));
        var parSink = new ParallelCollectingSink();
        var par = FeedLoader.Read(kind, path, parSink, Options(threads, chunksPerThread, maxRowChars: maxRowChars));

        Assert.True(par.IsBalanced);
        Assert.Equal(seq.RowsRead, par.RowsRead);
        Assert.Equal(seq.RowsAccepted, par.RowsAccepted);
        Assert.Equal(seq.RowsQuarantined, par.RowsQuarantined);
        Assert.Equal(seq.RowsSkippedBlank, par.RowsSkippedBlank);
        Assert.Equal(seq.Encoding, par.Encoding);
        Assert.Equal(seq.AsOf, par.AsOf);
        Assert.Equal(seq.QuarantinedByRule.OrderBy(p => p.Key), par.QuarantinedByRule.OrderBy(p => p.Key));
        Assert.Equal(seq.NotesByKind.OrderBy(p => p.Key), par.NotesByKind.OrderBy(p => p.Key));
        Assert.Equal(seq.Warnings, par.Warnings);

        var seqRows = seqSink.Rows;
        var parRows = parSink.Rows;
        Assert.Equal(seqRows.Select(r => r.Row), parRows.Select(r => r.Row));
        for (var i = 0; i < seqRows.Count; i++)
        {
            Assert.Equal(seqRows[i].Values, parRows[i].Values);
            Assert.Equal(seqRows[i].Notes, parRows[i].Notes);
        }

        Assert.Equal(seqSink.Rejections, parSink.Rejections);

        // The file holds what the test means it to hold.
        Assert.NotEmpty(seqRows);
        Assert.True(rules is null ? seq.QuarantinedByRule.Count >= 3 : rules.All(seq.QuarantinedByRule.ContainsKey), string.Join(", ", seq.QuarantinedByRule.Keys));
        return parSink;
    }

    private static FeedReadOptions Options(int threads, int chunksPerThread, ExtractEncoding encoding = ExtractEncoding.Detect, int? maxRowChars = null) => new()
    {
        Parallelism = threads,
        ChunksPerThread = chunksPerThread,
        MinChunkBytes = 1,
        Encoding = encoding,
        MaxRowChars = maxRowChars ?? 1000,
    };

    private static Encoding EncodingOf(string name) => name switch
    {
        "gbk" => TempFolder.Gbk,
        "utf8-bom" => TempFolder.Utf8Bom,
        _ => TempFolder.Utf8NoBom,
    };

    /// <summary>A parallel sink for a read that must not be split: it fails on a request for a thread's sink.</summary>
    private sealed class WholeFileSink : IParallelFeedSink
    {
        public CollectingFeedSink Inner { get; } = new();

        public IFeedSink ForThread(int thread) => throw new InvalidOperationException("a file read whole asked for a thread's sink");

        public void Accept(FeedRecord record) => Inner.Accept(record);

        public void Quarantine(Rejection rejection) => Inner.Quarantine(rejection);

        public void Withdraw(long acceptedIndex, Rejection rejection) => Inner.Withdraw(acceptedIndex, rejection);
    }

    // Every kind of dirt the readers know, spread so that chunks begin and end next to each: quoted fields holding
    // line breaks (LF and CRLF), doubled quotes, a quote in the middle of an unquoted field, blank lines, a totals row,
    // extra fields, a row longer than the cap, exact duplicates and conflicting keys far apart (in other chunks).
    private static string HostileRegistry()
    {
        var csv = new RegistryCsv();
        csv.RawLine("");
        for (var i = 1; i <= 400; i++)
        {
            switch (i % 23)
            {
                case 0:
                    csv.Row(i, ("从业人员", "-1"));
                    break;
                case 1:
                    csv.Row(i, ("企业名称", $"多行\n名称{i}"));
                    break;
                case 2:
                    csv.Row(i, ("企业名称", $"\"引号\"和\r\n换行{i},逗号"));
                    break;
                case 3:
                    csv.RawLine("");
                    break;
                case 4:
                    var values = RegistryCsv.ValidRow(i);
                    values["企业名称"] = $"5\"管材{i}"; // a literal quote: not at the start of the field
                    csv.RawLine(string.Join(',', RegistryCsv.Headers.Select(h => values[h])));
                    break;
                case 5:
                    csv.Row(i - 200 > 0 ? i - 200 : i); // an exact duplicate of a row far back
                    break;
                case 6:
                    csv.Row(i > 200 ? i - 195 : i, ("企业名称", $"另一个名称{i}")); // the same key, other values
                    break;
                case 7:
                    csv.RawLine(string.Join(',', RegistryCsv.Headers.Select(h => RegistryCsv.ValidRow(i)[h])) + ",多余,字段");
                    break;
                case 8:
                    csv.Row(i, ("企业名称", "长" + new string('名', 1200)));
                    break;
                case 9:
                    csv.Row(i, ("统一社会信用代码", Codes.Credit(i).Replace('0', 'O')));
                    break;
                case 10:
                    csv.RawLine("合计,,,,,,,123,456,,,");
                    break;
                case 11:
                    csv.Row(i, ("企业名称", $"\"{i}\"\"\"\n"));
                    break;
                default:
                    csv.Row(i, ("营业收入(万元)", i % 2 == 0 ? $"{i}.5" : "１２３"));
                    break;
            }
        }

        return csv.Text();
    }
}
