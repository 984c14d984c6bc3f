using System.Text;
using Analytics.Etl.Contracts;
using Analytics.Etl.Reading;
using Analytics.Etl.Tests.Support;
using Analytics.Etl.Validation;

namespace Analytics.Etl.Tests.Reading;

public sealed class JsonLinesReadingTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    public static string Patent(string applicationNo, string applicants = "[\"91500000000000001X\"]", string extra = "") =>
        $"{{\"application_no\":\"{applicationNo}\",\"patent_type\":1,\"title\":\"一种装置\",\"applicants\":{applicants}," +
        $"\"application_date\":\"2019-03-04\",\"publication_date\":null,\"grant_date\":null,\"legal_status\":\"审中\",\"ipc_main\":\"G06F 16/00\"{extra}}}";

    [Fact]
    public void Reads_english_and_chinese_keys_in_one_file()
    {
        var number = Codes.Patent(2019, 1, 123);
        var applicant = Codes.Credit(1);
        var chinese = $"{{\"申请号\":\"CN{number}\",\"专利类型\":\"发明\",\"名称\":\"一种方法\",\"申请人\":[\"{applicant}\",\"张三\"],\"申请日\":\"2019年3月5日\",\"授权日\":\"2021/6/1\",\"法律状态\":\"有效\"}}";
        var path = folder.WriteText("patents.jsonl", Patent(Codes.Patent(2019, 1, 124), $"[\"{applicant}\"]") + "\n" + chinese + "\n", TempFolder.Utf8NoBom);

        var (_, sink) = Loads.Run(FeedKind.Patents, path);

        Assert.Equal(2, sink.Rows.Count);
        var row = sink.Rows[1];
        Assert.Equal(number, row[PatentsContract.ApplicationNo]);
        Assert.Equal(1, row[PatentsContract.PatentType]);
        Assert.Equal(new[] { applicant, "张三" }, (string[])row[PatentsContract.Applicants]!);
        Assert.Equal(new DateOnly(2021, 6, 1), row[PatentsContract.GrantDate]);
        Assert.Equal("G06F16/00", sink.Rows[0][PatentsContract.IpcMain]);
    }

    [Theory]
    [InlineData("{\"application_no\": ", "malformed JSON")]
    [InlineData("[1,2,3]", "not a JSON object")]
    [InlineData("{\"title\":\"a\"} {\"title\":\"b\"}", "malformed JSON")]
    [InlineData("{\"title\":{\"zh\":\"a\"}}", "holds a JSON StartObject")]
    public void A_malformed_line_is_a_quarantined_row_not_a_crash(string line, string expected)
    {
        var path = folder.WriteText("patents.jsonl", Patent(Codes.Patent(2019, 1, 1)) + "\n" + line + "\n" + Patent(Codes.Patent(2019, 1, 2)) + "\n", TempFolder.Utf8NoBom);

        var (_, sink) = Loads.Run(FeedKind.Patents, path);

        Assert.Equal(2, sink.Rows.Count);
        var rejection = Assert.Single(sink.Rejections);
        Assert.Equal((RuleIds.JsonMalformed, 2L, line), (rejection.RuleId, rejection.RowNumber, rejection.RawRow));
        Assert.Contains(expected, rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_keys_are_a_warning_and_blank_lines_are_counted()
    {
        var path = folder.WriteText("patents.jsonl", "\n" + Patent(Codes.Patent(2019, 1, 1), extra: ",\"agent\":\"某代理所\"") + "\n\n", TempFolder.Utf8Bom);

        var (result, sink) = Loads.Run(FeedKind.Patents, path);

        Assert.Single(sink.Rows);
        Assert.Equal(2, result.RowsSkippedBlank);
        Assert.Contains(result.Warnings, w => w.Contains("'agent'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_line_over_the_cap_is_quarantined_and_reading_continues()
    {
        var path = folder.File("patents.jsonl");
        using (var stream = File.Create(path))
        {
            stream.Write(Encoding.UTF8.GetBytes(Patent(Codes.Patent(2019, 1, 1)) + "\n{\"title\":\""));
            stream.Write(Encoding.ASCII.GetBytes(new string('x', 3 << 20)));
            stream.Write(Encoding.UTF8.GetBytes("\"}\n" + Patent(Codes.Patent(2019, 1, 2)) + "\n"));
        }

        var (_, sink) = Loads.Run(FeedKind.Patents, path);

        Assert.Equal([1L, 3L], sink.RowNumbers);
        Assert.Equal(RuleIds.RowTooLong, sink.Rejections.Single().RuleId);
    }

    [Fact]
    public void A_gbk_jsonl_file_is_refused()
    {
        var path = folder.WriteText("patents.jsonl", Patent(Codes.Patent(2019, 1, 1)) + "\n", TempFolder.Gbk);

        Assert.Contains("UTF-8", Loads.Refused(FeedKind.Patents, path).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_jsonl_file_is_refused() =>
        Assert.Contains("empty", Loads.Refused(FeedKind.Patents, folder.WriteText("patents.jsonl", "", TempFolder.Utf8NoBom)).Reason, StringComparison.Ordinal);
}
