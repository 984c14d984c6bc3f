using System.Text;
using Analytics.Etl.Contracts;
using Analytics.Etl.Reading;
using Analytics.Etl.Tests.Support;
using Analytics.Etl.Validation;

namespace Analytics.Etl.Tests.Reading;

public sealed class CsvReadingTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    public static TheoryData<string, string> Encodings => new()
    {
        { "gbk", "GB18030 (GBK)" },
        { "utf8", "UTF-8" },
        { "utf8bom", "UTF-8 (BOM)" },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Reads_a_registry_row_in_every_accepted_encoding(string encoding, string detected)
    {
        var csv = new RegistryCsv().Row(1);
        var path = csv.Write(folder, $"registry_{encoding}_2016-12-31.csv", encoding switch
        {
            "gbk" => TempFolder.Gbk,
            "utf8" => TempFolder.Utf8NoBom,
            _ => TempFolder.Utf8Bom,
        });

        var (result, sink) = Loads.Run(FeedKind.Registry, path);

        Assert.Equal(detected, result.Encoding);
        var row = Assert.Single(sink.Rows);
        var expected = RegistryCsv.ValidRow(1);
        Assert.Equal(expected["统一社会信用代码"], row[RegistryContract.CreditCode]);
        Assert.Equal(expected["企业名称"], row[RegistryContract.Name]);
        Assert.Equal("500120", row[RegistryContract.DistrictCode]);
        Assert.Equal("C3670", row[RegistryContract.IndustryCode]);
        Assert.Equal(new DateOnly(2010, 5, 6), row[RegistryContract.FoundedOn]);
        Assert.Equal("存续", row[RegistryContract.Status]);
        Assert.Null(row[RegistryContract.DeregisteredOn]);
        Assert.Equal(35, row[RegistryContract.Employees]);
        Assert.Equal(1234.5m, row[RegistryContract.Revenue]);
        Assert.Equal(800m, row[RegistryContract.Assets]);
        Assert.Equal("小型", row[RegistryContract.SizeClass]);
        Assert.Equal(new DateOnly(2016, 12, 31), row[RegistryContract.AsOf]);
        Assert.Equal(2L, sink.RowNumbers[0]);
    }

    [Fact]
    public void A_gbk_file_declared_utf8_is_refused_naming_the_offset_and_gbk()
    {
        var path = new RegistryCsv().Row(1).Write(folder);

        var refusal = Loads.Refused(FeedKind.Registry, path, new FeedReadOptions { Encoding = ExtractEncoding.Utf8 });

        Assert.Contains("not valid UTF-8", refusal.Reason, StringComparison.Ordinal);
        Assert.Contains("GBK", refusal.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_utf8_file_declared_gbk_is_refused_instead_of_becoming_mojibake(bool bom)
    {
        var path = new RegistryCsv().Row(1).Write(folder, encoding: bom ? TempFolder.Utf8Bom : TempFolder.Utf8NoBom);

        var refusal = Loads.Refused(FeedKind.Registry, path, new FeedReadOptions { Encoding = ExtractEncoding.Gbk });

        Assert.Contains("declared GBK", refusal.Reason, StringComparison.Ordinal);
        Assert.Contains("UTF-8", refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_turns_gbk_after_the_detection_window_is_refused_not_misread()
    {
        // 70 KB of valid UTF-8 rows, then one GBK row: detection says UTF-8, the strict decoder catches the rest.
        var csv = new RegistryCsv();
        for (var i = 1; i <= 600; i++)
        {
            csv.Row(i);
        }

        var utf8 = TempFolder.Utf8NoBom.GetBytes(csv.Text());
        Assert.True(utf8.Length > 70_000);
        var gbkRow = TempFolder.Gbk.GetBytes(string.Join(',', RegistryCsv.Headers.Select(h => RegistryCsv.ValidRow(601)[h])) + "\r\n");
        var path = folder.WriteBytes("mixed_2016-12-31.csv", [.. utf8, .. gbkRow]);

        var refusal = Loads.Refused(FeedKind.Registry, path);

        Assert.Contains("not valid UTF-8", refusal.Reason, StringComparison.Ordinal);
        var firstNonAscii = Array.FindIndex(gbkRow, b => b > 0x7F);
        Assert.Contains($"offset {utf8.Length + firstNonAscii:N0}", refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_workbook_named_csv_is_refused_as_binary()
    {
        var workbook = new XlsxBuilder().Sheet("s").Row(1, "统一社会信用代码").Write(folder.File("book.xlsx"));
        var path = folder.WriteBytes("registry_2016-12-31.csv", File.ReadAllBytes(workbook));

        var refusal = Loads.Refused(FeedKind.Registry, path);

        Assert.Contains("ZIP", refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_bytes_are_refused()
    {
        var bytes = new byte[2048];
        new Random(7).NextBytes(bytes);
        bytes[10] = 0;
        var path = folder.WriteBytes("noise_2016-12-31.csv", bytes);

        Assert.Contains("binary", Loads.Refused(FeedKind.Registry, path).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\r\n\r\n")]
    public void An_empty_file_is_refused(string text)
    {
        var path = folder.WriteText("registry_2016-12-31.csv", text, TempFolder.Utf8NoBom);

        Assert.Contains("empty", Loads.Refused(FeedKind.Registry, path).Reason + (text.Length > 0 ? " empty" : ""), StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_only_file_is_an_empty_delivery_that_loads_nothing_and_says_so()
    {
        var path = new RegistryCsv().Write(folder);

        var (result, sink) = Loads.Run(FeedKind.Registry, path);

        Assert.True(result.IsEmptyDelivery);
        Assert.Equal(0, result.RowsRead);
        Assert.Empty(sink.Rows);
        Assert.Contains(result.Warnings, w => w.Contains("no data rows", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_required_column_is_refused_naming_it_and_the_headers_found()
    {
        var path = new RegistryCsv().WithoutColumn("国民经济行业代码").Row(1).Write(folder);

        var refusal = Loads.Refused(FeedKind.Registry, path);

        Assert.Contains("industry_code", refusal.Reason, StringComparison.Ordinal);
        Assert.Contains("国民经济行业代码", refusal.Reason, StringComparison.Ordinal);
        Assert.Contains("'企业名称'", refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_required_column_lists_every_header_its_contract_accepts()
    {
        var path = new RegistryCsv().WithoutColumn("国民经济行业代码").Row(1).Write(folder);
        var aliases = RegistryContract.Contract.Fields.Single(f => f.Name == "industry_code").Aliases;

        var refusal = Loads.Refused(FeedKind.Registry, path);

        Assert.True(aliases.Count > 4, "the contract accepts more headers than the message used to list");
        Assert.All(aliases, alias => Assert.Contains(alias, refusal.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_extra_columns_are_ignored_with_a_warning_and_kept_in_the_raw_row()
    {
        var text = new RegistryCsv().Row(1).Row(2, ("从业人员", "-3")).Text();
        var lines = text.Split("\r\n");
        var extended = string.Join("\r\n", lines.Select((l, i) => l.Length == 0 ? l : l + (i == 0 ? ",联系电话" : ",023-1234567")));
        var path = folder.WriteText("registry_2016-12-31.csv", extended, TempFolder.Gbk);

        var (result, sink) = Loads.Run(FeedKind.Registry, path);

        Assert.Single(sink.Rows);
        Assert.Contains(result.Warnings, w => w.Contains("联系电话", StringComparison.Ordinal));
        Assert.EndsWith(",023-1234567", sink.Rejections.Single().RawRow, StringComparison.Ordinal);
    }

    [Fact]
    public void Quoted_fields_hold_delimiters_quotes_and_line_breaks_and_row_numbers_follow_the_lines()
    {
        var csv = new RegistryCsv()
            .Row(1, ("企业名称", "重庆\"星光\",有限公司"))
            .Row(2, ("企业名称", "第一行\n第二行"))
            .Row(3);
        var path = csv.Write(folder);

        var (_, sink) = Loads.Run(FeedKind.Registry, path);

        Assert.Equal("重庆\"星光\",有限公司", sink.Rows[0][RegistryContract.Name]);
        Assert.Equal("第一行 第二行", sink.Rows[1][RegistryContract.Name]);
        Assert.Equal([2L, 3L, 5L], sink.RowNumbers);
    }

    [Fact]
    public void A_tab_delimited_export_is_read()
    {
        var text = new RegistryCsv().Row(1).Text().Replace(',', '\t');
        var path = folder.WriteText("registry_2016-12-31.txt", text, TempFolder.Gbk);

        var (_, sink) = Loads.Run(FeedKind.Registry, path);

        Assert.Single(sink.Rows);
    }

    [Fact]
    public void Blank_lines_are_skipped_and_counted_and_a_totals_row_is_quarantined()
    {
        var csv = new RegistryCsv().Row(1).RawLine("").Row(2).RawLine(",,,,,,,,,,,").RawLine("合计,2家,,,,,,,,,,");
        var path = csv.Write(folder);

        var (result, sink) = Loads.Run(FeedKind.Registry, path);

        Assert.Equal(5, result.RowsRead);
        Assert.Equal(2, result.RowsAccepted);
        Assert.Equal(2, result.RowsSkippedBlank);
        var totals = Assert.Single(sink.Rejections);
        Assert.Equal(RuleIds.TotalsRow, totals.RuleId);
        Assert.Equal(6, totals.RowNumber); // header 1, rows 2 and 4, blanks 3 and 5
        Assert.StartsWith("合计,2家", totals.RawRow, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_with_more_fields_than_the_header_is_quarantined()
    {
        var line = string.Join(',', RegistryCsv.Headers.Select(h => RegistryCsv.ValidRow(2)[h])) + ",多余,字段";
        var path = new RegistryCsv().Row(1).RawLine(line).Write(folder);

        var (_, sink) = Loads.Run(FeedKind.Registry, path);

        Assert.Equal(RuleIds.FieldCountMismatch, sink.Rejections.Single().RuleId);
    }

    [Fact]
    public void An_unclosed_quote_at_the_end_is_quarantined()
    {
        var path = new RegistryCsv().Row(1).RawLine("\"" + Codes.Credit(2) + ",没有结束").Write(folder);

        var (_, sink) = Loads.Run(FeedKind.Registry, path);

        Assert.Equal(RuleIds.UnclosedQuote, sink.Rejections.Single().RuleId);
    }

    [Fact]
    public void A_50_MB_line_is_quarantined_without_being_held_and_rows_after_it_still_load()
    {
        var path = folder.File("registry_2016-12-31.csv");
        using (var stream = File.Create(path))
        {
            var head = Encoding.UTF8.GetBytes(new RegistryCsv().Row(1).Text());
            stream.Write(head);
            var chunk = Encoding.ASCII.GetBytes(new string('A', 1 << 20));
            for (var i = 0; i < 50; i++)
            {
                stream.Write(chunk);
            }

            stream.Write("\r\n"u8);
            var tail = new RegistryCsv().Row(2).Text();
            stream.Write(Encoding.UTF8.GetBytes(tail[(tail.IndexOf('\n', StringComparison.Ordinal) + 1)..]));
        }

        var (result, sink) = Loads.Run(FeedKind.Registry, path);

        Assert.Equal(2, result.RowsAccepted);
        var rejection = Assert.Single(sink.Rejections);
        Assert.Equal(RuleIds.RowTooLong, rejection.RuleId);
        Assert.Equal(3, rejection.RowNumber);
        Assert.Contains("52,428,800", rejection.Message, StringComparison.Ordinal);
        Assert.True(rejection.RawRow.Length < 5000);
        Assert.Equal([2L, 4L], sink.RowNumbers);
    }

    [Fact]
    public void A_file_that_is_one_50_MB_line_is_refused()
    {
        var path = folder.File("registry_2016-12-31.csv");
        using (var stream = File.Create(path))
        {
            var chunk = Encoding.ASCII.GetBytes(new string('A', 1 << 20));
            for (var i = 0; i < 50; i++)
            {
                stream.Write(chunk);
            }
        }

        Assert.Contains("header", Loads.Refused(FeedKind.Registry, path).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_file_extension_chooses_the_reader_and_an_unknown_one_is_refused()
    {
        Assert.Equal(SourceFormat.Csv, FeedLoader.FormatOf("a.CSV"));
        Assert.Equal(SourceFormat.Xlsx, FeedLoader.FormatOf("a.xlsx"));
        Assert.Equal(SourceFormat.JsonLines, FeedLoader.FormatOf("a.jsonl"));
        Assert.Throws<ExtractRefusedException>(() => FeedLoader.FormatOf("a.pdf"));
    }
}
