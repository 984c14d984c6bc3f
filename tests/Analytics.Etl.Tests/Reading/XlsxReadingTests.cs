using Analytics.Etl.Contracts;
using Analytics.Etl.Reading;
using Analytics.Etl.Tests.Support;
using Analytics.Etl.Validation;

namespace Analytics.Etl.Tests.Reading;

public sealed class XlsxReadingTests : IDisposable
{
    private static readonly object?[] RecognitionHeader =
        ["统一社会信用代码", "企业名称", "人员编号", "认定类型", "认定级别", "认定日期", "有效期至", "撤销日期", "证书编号", "批次"];

    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void The_header_is_found_on_row_3_below_a_title_and_a_totals_row_is_quarantined()
    {
        var path = new XlsxBuilder()
            .Sheet("2015年第一批")
            .Row(1, "2015年重庆市科技型中小微型企业认定名单（第一批）")
            .Row(3, RecognitionHeader)
            .Row(4, Codes.Credit(1), "甲公司", null, "科技型中小微型企业", "市", "2015-03-01", null, null, "KJ-001", null)
            .Row(5, Codes.Credit(2), "乙公司", null, "TECH_SME", "市级", new DateTime(2015, 3, 2), null, null, null, null)
            .Row(6, "合计", "2家")
            .Write(folder.File("recognitions.xlsx"));

        var (result, sink) = Loads.Run(FeedKind.Recognitions, path);

        Assert.Equal("xlsx", result.Encoding);
        Assert.Equal(3, result.RowsRead);
        Assert.Equal([4L, 5L], sink.RowNumbers);
        Assert.All(sink.Rows, r => Assert.Equal("TECH_SME", r[RecognitionsContract.RecognitionType]));
        Assert.All(sink.Rows, r => Assert.Equal("市", r[RecognitionsContract.Level]));
        Assert.Equal(new DateOnly(2015, 3, 1), sink.Rows[0][RecognitionsContract.GrantedOn]);
        Assert.Equal(new DateOnly(2015, 3, 2), sink.Rows[1][RecognitionsContract.GrantedOn]);
        Assert.Equal("KJ-001", sink.Rows[0][RecognitionsContract.CertificateNo]);
        var totals = Assert.Single(sink.Rejections);
        Assert.Equal((RuleIds.TotalsRow, 6L, "2015年第一批"), (totals.RuleId, totals.RowNumber, totals.Sheet));
        Assert.Equal("合计\t2家", totals.RawRow);
    }

    [Fact]
    public void Every_sheet_is_read_and_the_sheet_name_is_the_batch_when_the_column_is_blank()
    {
        var path = new XlsxBuilder()
            .Sheet("第一批").Row(1, "名单").Row(2, RecognitionHeader)
            .Row(3, Codes.Credit(1), "甲", null, "HNTE", "国家", "2019-11-01", "2022-10-31", null, null, null)
            .Sheet("第二批").Row(1, RecognitionHeader)
            .Row(2, Codes.Credit(2), "乙", null, "高新技术企业", "国家级", "2019-12-01", null, null, null, "2019-2")
            .Write(folder.File("recognitions.xlsx"));

        var (_, sink) = Loads.Run(FeedKind.Recognitions, path);

        Assert.Equal(["第一批", "2019-2"], sink.Rows.Select(r => (string)r[RecognitionsContract.Batch]!));
        Assert.Equal(new DateOnly(2022, 10, 31), sink.Rows[0][RecognitionsContract.ExpiresOn]);
    }

    [Fact]
    public void Excel_serial_numbers_in_number_cells_and_in_text_are_dates()
    {
        var serial = new DateTime(2016, 4, 23).ToOADate();
        var path = new XlsxBuilder()
            .Sheet("s").Row(1, RecognitionHeader)
            .Row(2, Codes.Credit(1), "甲", null, "IP_PILOT", "市", serial, null, null, null, null)
            .Row(3, Codes.Credit(2), "乙", null, "IP_PILOT", "市", serial.ToString(System.Globalization.CultureInfo.InvariantCulture), null, null, null, null)
            .Write(folder.File("recognitions.xlsx"));

        var (_, sink) = Loads.Run(FeedKind.Recognitions, path);

        Assert.All(sink.Rows, r => Assert.Equal(new DateOnly(2016, 4, 23), r[RecognitionsContract.GrantedOn]));
    }

    [Fact]
    public void A_text_file_named_xlsx_is_refused_as_not_a_workbook()
    {
        var path = folder.WriteText("recognitions.xlsx", "统一社会信用代码,认定类型\n", TempFolder.Utf8NoBom);

        Assert.Contains("not an Excel workbook", Loads.Refused(FeedKind.Recognitions, path).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_workbook_is_refused()
    {
        var bytes = File.ReadAllBytes(new XlsxBuilder().Sheet("s").Row(1, RecognitionHeader).Write(folder.File("ok.xlsx")));
        var path = folder.WriteBytes("recognitions.xlsx", bytes[..(bytes.Length / 2)]);

        Assert.Contains("workbook", Loads.Refused(FeedKind.Recognitions, path).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_only_workbook_is_an_empty_delivery_that_loads_nothing_and_says_so()
    {
        var path = new XlsxBuilder().Sheet("s").Row(1, "标题").Row(2, RecognitionHeader).Write(folder.File("recognitions.xlsx"));

        var (result, sink) = Loads.Run(FeedKind.Recognitions, path);

        Assert.True(result.IsEmptyDelivery);
        Assert.Empty(sink.Rows);
        Assert.Contains(result.Warnings, w => w.Contains("no data rows", StringComparison.Ordinal));
    }

    [Fact]
    public void A_sheet_without_a_header_refuses_the_file_unless_told_to_skip_it()
    {
        var path = new XlsxBuilder()
            .Sheet("填表说明").Row(1, "请按要求填写").Row(2, "日期格式 2015-01-01")
            .Sheet("名单").Row(1, RecognitionHeader).Row(2, Codes.Credit(1), "甲", null, "HNTE", "国家", "2019-11-01")
            .Write(folder.File("recognitions.xlsx"));

        Assert.Contains("填表说明", Loads.Refused(FeedKind.Recognitions, path).Reason, StringComparison.Ordinal);
        var (result, sink) = Loads.Run(FeedKind.Recognitions, path, new FeedReadOptions { Sheets = SheetSelection.WithHeader });
        Assert.Single(sink.Rows);
        Assert.Contains(result.Warnings, w => w.Contains("填表说明", StringComparison.Ordinal));
    }

    private string WorkbookWithAnExplanationSheet() => new XlsxBuilder()
        .Sheet("说明").Row(1, "本表为2019年高新技术企业认定名单").Row(2, "日期格式 2019-01-01")
        .Sheet("名单").Row(1, RecognitionHeader).Row(2, Codes.Credit(1), "甲", null, "HNTE", "国家", "2019-11-01")
        .Write(folder.File("recognitions.xlsx"));

    public static TheoryData<string> SheetChoices => ["with_header", "name", "index"];

    [Theory]
    [MemberData(nameof(SheetChoices))]
    public void A_workbook_with_an_explanation_sheet_before_the_data_loads_when_the_sheet_choice_says_so(string choice)
    {
        var path = WorkbookWithAnExplanationSheet();
        var sheets = choice switch
        {
            "with_header" => SheetSelection.WithHeader,
            "name" => SheetSelection.Named("名单"),
            _ => SheetSelection.At(2),
        };

        var (_, sink) = Loads.Run(FeedKind.Recognitions, path, new FeedReadOptions { Sheets = sheets });

        var row = Assert.Single(sink.Rows);
        Assert.Equal(Codes.Credit(1), row[RecognitionsContract.CreditCode]);
        Assert.Contains("说明", Loads.Refused(FeedKind.Recognitions, path).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("name")]
    [InlineData("index")]
    public void A_chosen_sheet_the_workbook_does_not_have_refuses_it_naming_the_sheets_it_has(string choice)
    {
        var path = WorkbookWithAnExplanationSheet();
        var sheets = choice == "name" ? SheetSelection.Named("认定名单") : SheetSelection.At(3);

        var refusal = Loads.Refused(FeedKind.Recognitions, path, new FeedReadOptions { Sheets = sheets });

        Assert.Contains(choice == "name" ? "认定名单" : "sheet 3", refusal.Reason, StringComparison.Ordinal);
        Assert.Contains("'说明', '名单'", refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_survey_workbook_reads_weights_and_flags_with_blank_as_not_answered()
    {
        var path = new XlsxBuilder()
            .Sheet("2015")
            .Row(1, "2015年中小微型企业信息化调查")
            .Row(2, "统一社会信用代码", "调查年度", "权重", "研发环节应用信息技术", "管理环节应用信息技术", "生产控制应用信息技术",
                "电子商务采购", "电子商务销售", "使用云服务", "拥有网站")
            .Row(3, Codes.Credit(1), 2015, 12.5, "是", "否", "1", 0, "Y", "N", null)
            .Write(folder.File("survey.xlsx"));

        var (_, sink) = Loads.Run(FeedKind.Survey, path);

        var row = Assert.Single(sink.Rows);
        Assert.Equal(2015, row[SurveyContract.SurveyYear]);
        Assert.Equal(12.5, row[SurveyContract.Weight]);
        Assert.Equal<object?>([true, false, true, false, true, false, null], row[SurveyContract.ItInRd..]);
    }
}
