using Analytics.Etl.Contracts;
using Analytics.Etl.Reading;
using Analytics.Etl.Tests.Support;

namespace Analytics.Etl.Tests.Reading;

/// <summary>A read-back asks for a few rows: every reader still numbers all rows but parses only the wanted ones.</summary>
public sealed class RowFilterTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Csv_rows_the_filter_turns_down_come_back_without_fields()
    {
        var csv = new RegistryCsv();
        for (var i = 1; i <= 5; i++)
        {
            csv.Row(i);
        }

        AssertOnlyWantedParsed(FeedKind.Registry, csv.Write(folder), wanted: 4, expectedNumbers: [2L, 3L, 4L, 5L, 6L]);
    }

    [Fact]
    public void Json_lines_the_filter_turns_down_come_back_without_fields()
    {
        var line = """{"application_no":"CN201510000001.X","patent_type":"发明","title":"一种装置","application_date":"2015-01-05","applicants":["91500000000000006P"]}""";
        var path = folder.WriteText("patents.jsonl", string.Join('\n', Enumerable.Repeat(line, 4)) + "\n", TempFolder.Utf8NoBom);

        AssertOnlyWantedParsed(FeedKind.Patents, path, wanted: 3, expectedNumbers: [1L, 2L, 3L, 4L]);
    }

    [Fact]
    public void Workbook_rows_the_filter_turns_down_come_back_without_fields_and_the_header_is_still_found()
    {
        // The first 10 rows are read whole while the header is looked for; the filter applies after them.
        object?[] header = ["统一社会信用代码", "调查年度", "权重", "研发环节应用信息技术"];
        var book = new XlsxBuilder().Sheet("2015").Row(1, "标题").Row(2, header);
        for (var i = 3; i <= 14; i++)
        {
            if (i != 12)
            {
                book.Row(i, Codes.Credit(i), 2015, 1.5, "是");
            }
        }

        AssertOnlyWantedParsed(FeedKind.Survey, book.Write(folder.File("survey.xlsx")), wanted: 13, expectedNumbers: [.. Enumerable.Range(3, 12).Select(i => (long)i)], parsedAnyway: 10);
    }

    private static void AssertOnlyWantedParsed(FeedKind kind, string path, long wanted, long[] expectedNumbers, long parsedAnyway = 0)
    {
        using var reader = FeedLoader.Open(FeedContracts.For(kind), path, new FeedReadOptions());
        reader.RowFilter = (_, row) => row == wanted;
        Assert.True(reader.NextSection());
        var numbers = new List<long>();
        var row = new SourceRow();
        while (reader.Read(row))
        {
            numbers.Add(row.RowNumber);
            if (row.RowNumber > parsedAnyway)
            {
                Assert.Equal(row.RowNumber == wanted, !row.IsBlank);
            }
        }

        Assert.Equal(expectedNumbers, numbers);
    }
}
