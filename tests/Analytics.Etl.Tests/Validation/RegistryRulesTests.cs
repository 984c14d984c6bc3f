using Analytics.Etl.Contracts;
using Analytics.Etl.Reading;
using Analytics.Etl.Tests.Support;
using Analytics.Etl.Validation;
using static Analytics.Etl.Contracts.RegistryContract;

namespace Analytics.Etl.Tests.Validation;

public sealed class RegistryRulesTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private (FeedLoadResult Result, CollectingFeedSink Sink) LoadOne(params (string Header, string Value)[] changes) =>
        Loads.Run(FeedKind.Registry, new RegistryCsv().Row(1, changes).Write(folder));

    public static TheoryData<string, string, string> Rejected => new()
    {
        { "统一社会信用代码", Codes.WrongCheck(Codes.Credit(1)), RuleIds.CreditCodeCheckDigit },
        { "统一社会信用代码", "500106000012345", RuleIds.CreditCodeLegacy },
        { "统一社会信用代码", "91500000ABC", RuleIds.CreditCodeFormat },
        { "统一社会信用代码", "", RuleIds.RequiredMissing },
        { "企业名称", "  ", RuleIds.RequiredMissing },
        { "行政区划代码", "110101", RuleIds.DistrictUnknown },
        { "行政区划代码", "500227", RuleIds.DistrictNotValidAtDate },
        { "国民经济行业代码", "C367", RuleIds.IndustryCodeFormat },
        { "国民经济行业代码", "C9870", RuleIds.IndustryCodeUnknown },
        { "国民经济行业代码", "C6510", RuleIds.IndustrySectionMismatch },
        { "成立日期", "2010-02-30", RuleIds.DateUnparseable },
        { "成立日期", "2017-01-01", RuleIds.FoundedAfterAsOf },
        { "登记状态", "营业中止", RuleIds.StatusUnknown },
        { "登记状态", "注销", RuleIds.DeregisteredOnMissing },
        { "登记状态", "吊销", RuleIds.DeregisteredOnMissing },
        { "注销日期", "2009-01-01", RuleIds.DateOrder },
        { "从业人员", "-3", RuleIds.NegativeValue },
        { "从业人员", "三十", RuleIds.NumberUnparseable },
        { "营业收入(万元)", "-1", RuleIds.NegativeValue },
        { "营业收入(万元)", "12345678901", RuleIds.AmountUnitSuspect },
        { "营业收入(万元)", "5000000", RuleIds.AmountUnitSuspect },
        { "资产总额(万元)", "20000000", RuleIds.AmountUnitSuspect },
        { "企业规模", "特大型", RuleIds.SizeClassUnknown },
        { "数据日期", "2016/13/01", RuleIds.DateUnparseable },
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public void A_bad_value_is_quarantined_with_its_rule_and_a_message_naming_file_row_column_and_value(string header, string value, string rule)
    {
        var (_, sink) = LoadOne((header, value));

        var rejection = sink.Single();
        Assert.Equal(rule, rejection.RuleId);
        Assert.Equal(2, rejection.RowNumber);
        Assert.Contains(rejection.SourceFile, rejection.Message, StringComparison.Ordinal);
        Assert.Contains("row 2", rejection.Message, StringComparison.Ordinal);
        Assert.Contains($"[rule {rule}]", rejection.Message, StringComparison.Ordinal);
        if (value.Trim().Length > 0 && rule is not RuleIds.DeregisteredOnMissing)
        {
            Assert.Contains(value, rejection.Message, StringComparison.Ordinal);
            Assert.Equal(header, rejection.Column);
        }

        Assert.Contains(header == "企业名称" ? "C3670" : "重庆测试1科技有限公司", rejection.RawRow, StringComparison.Ordinal);
    }

    [Fact]
    public void The_letter_O_for_zero_is_fixed_when_the_code_then_validates_and_noted()
    {
        var code = Codes.Credit(1);
        var (result, sink) = LoadOne(("统一社会信用代码", code.Replace('0', 'O')));

        Assert.Equal(code, sink.Rows.Single()[CreditCode]);
        var note = Assert.Single(sink.Notes);
        Assert.Equal((NoteKinds.CreditCodeOForZero, "credit_code", code), (note.Kind, note.Field, note.Normalised));
        Assert.Equal(1, result.NotesByKind[NoteKinds.CreditCodeOForZero]);
    }

    public static TheoryData<string, string, int, object> Normalised => new()
    {
        { "统一社会信用代码", Codes.FullWidth(Codes.Credit(1)), CreditCode, Codes.Credit(1) },
        { "统一社会信用代码", Codes.Credit(1).ToLowerInvariant() + "  ", CreditCode, Codes.Credit(1) },
        { "企业名称", "  重庆测试1科技有限公司   ", Name, "重庆测试1科技有限公司" },
        { "行政区划代码", "５００１２０", DistrictCode, "500120" },
        { "行政区划代码", "璧山区", DistrictCode, "500120" },
        { "行政区划代码", "璧山县", DistrictCode, "500120" },
        { "国民经济行业代码", "c3670", IndustryCode, "C3670" },
        { "国民经济行业代码", "3670", IndustryCode, "C3670" },
        { "成立日期", "2010/5/6", FoundedOn, new DateOnly(2010, 5, 6) },
        { "成立日期", "2010年5月6日", FoundedOn, new DateOnly(2010, 5, 6) },
        { "成立日期", "20100506", FoundedOn, new DateOnly(2010, 5, 6) },
        { "成立日期", "40304", FoundedOn, new DateOnly(2010, 5, 6) },
        { "成立日期", "２０１０－０５－０６", FoundedOn, new DateOnly(2010, 5, 6) },
        { "登记状态", "在营", Status, "存续" },
        { "从业人员", "35.0", Employees, 35 },
        { "从业人员", "３５", Employees, 35 },
        { "营业收入(万元)", "1,234.567", Revenue, 1234.57m },
        { "营业收入(万元)", "12345元", Revenue, 1.23m },
        { "企业规模", "小型企业", SizeClass, "小型" },
    };

    [Theory]
    [MemberData(nameof(Normalised))]
    public void Dirt_that_normalisation_can_fix_is_loaded_clean(string header, string value, int field, object expected)
    {
        var (_, sink) = LoadOne((header, value));

        Assert.Empty(sink.Rejections);
        Assert.Equal(expected, sink.Rows.Single()[field]);
    }

    [Fact]
    public void District_names_are_noted_and_an_old_county_name_after_its_change_maps_to_the_successor()
    {
        var csv = new RegistryCsv().Row(1, ("行政区划代码", "璧山区")).Row(2, ("行政区划代码", "璧山县"));
        var (result, sink) = Loads.Run(FeedKind.Registry, csv.Write(folder));

        Assert.All(sink.Rows, r => Assert.Equal("500120", r[DistrictCode]));
        Assert.Equal(1, result.NotesByKind[NoteKinds.DistrictNameMapped]);
        Assert.Equal(1, result.NotesByKind[NoteKinds.DistrictNameSuperseded]);
    }

    [Fact]
    public void An_old_county_name_before_its_change_keeps_the_old_code()
    {
        var csv = new RegistryCsv().Row(1, ("行政区划代码", "璧山县"), ("数据日期", "2013-12-31"));
        var (_, sink) = Loads.Run(FeedKind.Registry, csv.Write(folder));

        Assert.Equal("500227", sink.Rows.Single()[DistrictCode]);
    }

    [Fact]
    public void The_district_column_may_be_headed_所属区县()
    {
        var csv = new RegistryCsv().RenameHeader("行政区划代码", "所属区县").Row(1, ("行政区划代码", "铜梁县"), ("数据日期", "2013-06-30"));
        var (_, sink) = Loads.Run(FeedKind.Registry, csv.Write(folder));

        Assert.Equal("500224", sink.Rows.Single()[DistrictCode]);
    }

    [Fact]
    public void A_header_in_元_converts_amounts_to_万元()
    {
        var csv = new RegistryCsv().RenameHeader("营业收入(万元)", "营业收入（元）").Row(1, ("营业收入(万元)", "12345678"));
        var (_, sink) = Loads.Run(FeedKind.Registry, csv.Write(folder));

        Assert.Equal(1234.57m, sink.Rows.Single()[Revenue]);
    }

    [Fact]
    public void An_amount_header_in_an_unknown_unit_refuses_the_file()
    {
        var path = new RegistryCsv().RenameHeader("营业收入(万元)", "营业收入(美元)").Row(1).Write(folder);

        Assert.Contains("美元", Loads.Refused(FeedKind.Registry, path).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deregistered_enterprise_with_its_date_is_loaded()
    {
        var (_, sink) = LoadOne(("登记状态", "注销"), ("注销日期", "2015-06-30"));

        Assert.Equal(new DateOnly(2015, 6, 30), sink.Rows.Single()[DeregisteredOn]);
    }

    [Fact]
    public void Without_a_数据日期_column_the_snapshot_date_comes_from_configuration_or_the_file_name()
    {
        var csv = new RegistryCsv().WithoutColumn("数据日期").Row(1);
        var fromName = Loads.Run(FeedKind.Registry, csv.Write(folder, "registry_2016-06-30.csv"));
        var fromConfig = Loads.Run(FeedKind.Registry, csv.Write(folder, "registry_2016-06-30.csv"), new FeedReadOptions { AsOf = new DateOnly(2016, 9, 30) });
        var compact = Loads.Run(FeedKind.Registry, csv.Write(folder, "qyml20161231.csv"));

        Assert.Equal(new DateOnly(2016, 6, 30), fromName.Sink.Rows.Single()[AsOf]);
        Assert.Equal(new DateOnly(2016, 9, 30), fromConfig.Sink.Rows.Single()[AsOf]);
        Assert.Equal(new DateOnly(2016, 12, 31), compact.Sink.Rows.Single()[AsOf]);
        Assert.Contains("数据日期", Loads.Refused(FeedKind.Registry, csv.Write(folder, "registry.csv")).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_exact_duplicate_loads_once_and_the_copy_is_quarantined()
    {
        var csv = new RegistryCsv().Row(1).Row(2).Row(1);
        var (_, sink) = Loads.Run(FeedKind.Registry, csv.Write(folder));

        Assert.Equal([2L, 3L], sink.RowNumbers);
        var copy = Assert.Single(sink.Rejections);
        Assert.Equal((RuleIds.DuplicateRow, 4L), (copy.RuleId, copy.RowNumber));
        Assert.Contains("row 2", copy.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_key_with_different_values_quarantines_every_copy()
    {
        var csv = new RegistryCsv().Row(1).Row(2).Row(1, ("从业人员", "99"));
        var (_, sink) = Loads.Run(FeedKind.Registry, csv.Write(folder));

        Assert.Equal([3L], sink.RowNumbers);
        Assert.Equal([2L, 4L], sink.Rejections.Select(r => r.RowNumber));
        Assert.All(sink.Rejections, r => Assert.Equal(RuleIds.DuplicateKeyConflict, r.RuleId));
        Assert.Contains("row 4", sink.Rejections[0].Message, StringComparison.Ordinal);
        Assert.Contains("row 2", sink.Rejections[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_exact_copy_becomes_a_conflict_when_a_later_row_differs()
    {
        // Rows 2 and 3 agree, so after row 3 the key looks like a plain duplicate; row 5 contradicts both. The verdict
        // is settled at the end of the file: all three are conflicts, and the already-loaded row 2 is withdrawn.
        var csv = new RegistryCsv().Row(1).Row(1).Row(2).Row(1, ("从业人员", "99")).Row(3);
        var (result, sink) = Loads.Run(FeedKind.Registry, csv.Write(folder));

        Assert.Equal([4L, 6L], sink.RowNumbers);
        Assert.Equal([2L, 3L, 5L], sink.Rejections.Select(r => r.RowNumber).Order());
        Assert.All(sink.Rejections, r => Assert.Equal(RuleIds.DuplicateKeyConflict, r.RuleId));
        Assert.All(sink.Rejections, r => Assert.Contains("3 rows share this key", r.Message, StringComparison.Ordinal));
        Assert.All(sink.Rejections, r => Assert.Contains(Codes.Credit(1), r.RawRow, StringComparison.Ordinal));
        Assert.Equal(3, result.QuarantinedByRule[RuleIds.DuplicateKeyConflict]);
    }

    [Fact]
    public void The_same_enterprise_at_two_snapshot_dates_is_not_a_duplicate()
    {
        var csv = new RegistryCsv().Row(1).Row(1, ("数据日期", "2015-12-31"));
        var (_, sink) = Loads.Run(FeedKind.Registry, csv.Write(folder));

        Assert.Equal(2, sink.Rows.Count);
    }

    [Fact]
    public void Duplicates_are_left_to_the_next_stage_when_detection_is_off()
    {
        var csv = new RegistryCsv().Row(1).Row(1, ("从业人员", "99"));
        var (_, sink) = Loads.Run(FeedKind.Registry, csv.Write(folder), new FeedReadOptions { DetectDuplicates = false });

        Assert.Equal(2, sink.Rows.Count);
    }

    [Fact]
    public void An_O_for_zero_copy_of_a_row_is_the_same_key()
    {
        var code = Codes.Credit(1);
        var csv = new RegistryCsv().Row(1).Row(1, ("统一社会信用代码", code.Replace('0', 'O')));
        var (_, sink) = Loads.Run(FeedKind.Registry, csv.Write(folder));

        Assert.Single(sink.Rows);
        Assert.Equal(RuleIds.DuplicateRow, sink.Rejections.Single().RuleId);
    }
}
