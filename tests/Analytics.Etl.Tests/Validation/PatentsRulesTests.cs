using Analytics.Etl.Contracts;
using Analytics.Etl.Normalising;
using Analytics.Etl.Tests.Reading;
using Analytics.Etl.Tests.Support;
using Analytics.Etl.Validation;
using static Analytics.Etl.Contracts.PatentsContract;

namespace Analytics.Etl.Tests.Validation;

public sealed class PatentsRulesTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private CollectingFeedSink Load(params string[] lines) =>
        Loads.Run(FeedKind.Patents, folder.WriteText("patents.jsonl", string.Join("\n", lines) + "\n", TempFolder.Utf8NoBom)).Sink;

    private static string Line(string no, string type = "1", string applicants = "", string filed = "2019-03-04", string? granted = null, string status = "审中") =>
        $"{{\"application_no\":\"{no}\",\"patent_type\":\"{type}\",\"title\":\"一种装置\",\"applicants\":{(applicants.Length == 0 ? $"[\"{Codes.Credit(1)}\"]" : applicants)}," +
        $"\"application_date\":\"{filed}\",\"grant_date\":{(granted is null ? "null" : $"\"{granted}\"")},\"legal_status\":\"{status}\"}}";

    [Fact]
    public void A_person_or_university_applicant_is_kept_in_order_beside_credit_codes()
    {
        var code = Codes.Credit(7);
        var row = Load(Line(Codes.Patent(2019, 1, 1), applicants: $"[\"张三\",\"{code.ToLowerInvariant()}\",\"重庆大学\"]")).Rows.Single();

        Assert.Equal(new[] { "张三", code, "重庆大学" }, (string[])row[Applicants]!);
    }

    [Fact]
    public void An_applicant_that_looks_like_a_code_but_fails_its_check_is_kept_and_noted()
    {
        var wrong = Codes.WrongCheck(Codes.Credit(7));
        var sink = Load(Line(Codes.Patent(2019, 1, 1), applicants: $"[\"{wrong}\"]"));

        Assert.Equal(new[] { wrong }, (string[])sink.Rows.Single()[Applicants]!);
        Assert.Equal(NoteKinds.ApplicantNotACreditCode, sink.Notes.Single().Kind);
    }

    [Fact]
    public void Each_applicant_gets_its_normalised_credit_code_or_null_for_the_lake()
    {
        var good = Codes.Credit(7);
        var withZero = Codes.CreditWithZero;
        var oForZero = withZero.Replace('0', 'O');
        var wrong = Codes.WrongCheck(Codes.Credit(8));
        var row = Load(Line(Codes.Patent(2019, 1, 1),
            applicants: $"[\"{good.ToLowerInvariant()}\",\"{oForZero}\",\"{wrong}\",\"张三\"]")).Rows.Single();

        Assert.Equal(new[] { good, withZero, null, null }, ApplicantCreditCodes.Of((string[])row[Applicants]!));
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("发明", 1)]
    [InlineData("发明专利", 1)]
    public void Patent_types_are_digits_or_words(string type, int expected) =>
        Assert.Equal(expected, Load(Line(Codes.Patent(2019, 1, 1), type)).Rows.Single()[PatentType]);

    [Fact]
    public void A_PCT_invention_written_发明_takes_its_type_from_the_number() =>
        Assert.Equal(8, Load(Line(Codes.Patent(2019, 8, 1), "发明")).Rows.Single()[PatentType]);

    [Fact]
    public void Application_numbers_are_canonicalised()
    {
        var canonical = Codes.Patent(2013, 1, 123456);
        var sink = Load(Line("CN" + canonical.Replace(".", "", StringComparison.Ordinal)));

        Assert.Equal(canonical, sink.Rows.Single()[ApplicationNo]);
    }

    public static TheoryData<string, string> Rejected => new()
    {
        { Line(Codes.Patent(2019, 1, 1)[..^1] + (Codes.Patent(2019, 1, 1)[^1] == '1' ? "2" : "1")), RuleIds.PatentCheckDigit },
        { Line("ZL2019-1"), RuleIds.PatentNumberFormat },
        { Line(Codes.Patent(2019, 1, 1), "4"), RuleIds.PatentTypeUnknown },
        { Line(Codes.Patent(2019, 1, 1), "实用新型"), RuleIds.PatentTypeMismatch },
        { Line(Codes.Patent(2019, 1, 1), applicants: "[]"), RuleIds.RequiredMissing },
        { Line(Codes.Patent(2019, 1, 1), status: "有效"), RuleIds.GrantDateMissing },
        { Line(Codes.Patent(2019, 1, 1), granted: "2018-01-01", status: "有效"), RuleIds.DateOrder },
        { Line(Codes.Patent(2019, 1, 1), status: "待定"), RuleIds.LegalStatusUnknown },
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public void Bad_patents_are_quarantined(string line, string rule)
    {
        var rejection = Load(line).Single();
        Assert.Equal((rule, 1L, line), (rejection.RuleId, rejection.RowNumber, rejection.RawRow));
    }

    [Fact]
    public void The_same_application_twice_with_a_different_status_is_a_conflict()
    {
        var no = Codes.Patent(2019, 1, 1);
        var sink = Load(Line(no), JsonLinesReadingTests.Patent(Codes.Patent(2019, 1, 2)), Line(no, granted: "2021-01-05", status: "有效"));

        Assert.Single(sink.Rows);
        Assert.Equal([1L, 3L], sink.Rejections.Select(r => r.RowNumber));
        Assert.All(sink.Rejections, r => Assert.Equal(RuleIds.DuplicateKeyConflict, r.RuleId));
    }
}
