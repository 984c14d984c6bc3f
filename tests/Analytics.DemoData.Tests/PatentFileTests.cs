using System.Text.Json;
using Analytics.Etl.Identifiers;

namespace Analytics.DemoData.Tests;

[Collection(DemoOutputCollection.Name)]
public class PatentFileTests(DemoOutput output)
{
    private static readonly string[] Keys = ["application_no", "patent_type", "title", "applicants", "application_date", "publication_date", "grant_date", "legal_status", "ipc_main"];

    [Fact]
    public void Every_line_has_the_agreed_keys_and_numbers_are_valid_except_where_injected()
    {
        var entry = output.Files("patents", "cq").Single();
        var lines = FeedReaders.JsonLines(output.PathOf(entry)).ToList();
        Assert.Equal(entry.Rows, lines.Count);
        Assert.All(lines.Take(500), l => Assert.Equal(Keys, l.EnumerateObject().Select(p => p.Name)));
        var invalid = lines.Count(l => !PatentApplicationNumber.IsValid(l.GetProperty("application_no").GetString()!));
        Assert.Equal(entry.Dirt["wrong_check_digit"] + entry.Dirt["trailing_spaces"], invalid);
    }

    [Fact]
    public void Inventions_are_about_a_quarter_and_grant_later_than_utility_models()
    {
        var lines = FeedReaders.JsonLines(output.PathOf(output.Files("patents", "cq").Single())).ToList();
        var inventions = lines.Count(l => l.GetProperty("patent_type").GetString() is "1" or "8");
        Assert.InRange(inventions / (double)lines.Count, 0.12, 0.35);

        double MeanLag(params string[] types) => lines
            .Where(l => types.Contains(l.GetProperty("patent_type").GetString()))
            .Select(l => (Applied: FeedReaders.IsoDate(l.GetProperty("application_date")), Granted: FeedReaders.IsoDate(l.GetProperty("grant_date"))))
            .Where(p => p.Applied is not null && p.Granted is not null)
            .Average(p => p.Granted!.Value.DayNumber - p.Applied!.Value.DayNumber);
        Assert.InRange(MeanLag("1", "8"), 730, 1500);
        Assert.InRange(MeanLag("2"), 180, 420);
    }

    [Fact]
    public void Applicants_include_co_applicants_universities_and_injected_people()
    {
        var entry = output.Files("patents", "yy").Single();
        var lines = FeedReaders.JsonLines(output.PathOf(entry)).Select(l => l.GetProperty("applicants").EnumerateArray().Select(a => a.GetString()!).ToList()).ToList();
        Assert.Contains(lines, a => a.Count == 2 && a.All(x => x.Length == 18));
        Assert.Contains(lines, a => a.Any(x => x.EndsWith("大学", StringComparison.Ordinal) || x.EndsWith("学院", StringComparison.Ordinal)));
        var withPerson = lines.Count(a => a.Any(x => x.Length is >= 2 and <= 3));
        Assert.Equal(entry.Dirt["person_applicant"], withPerson);
    }
}
