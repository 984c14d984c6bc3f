using System.Globalization;
using System.Text.Json;

namespace Analytics.DemoData.Tests;

/// <summary>The plans' targets are in reach for some and not others: the numbers a dashboard would show.</summary>
[Collection(DemoOutputCollection.Name)]
public class StoryTests(DemoOutput output)
{
    [Fact]
    public void Yueyang_has_at_least_40_zero_breakthrough_smes_in_each_plan_year()
    {
        var firsts = FirstInventionGrants("yy");
        foreach (var year in new[] { 2020, 2021, 2022 })
        {
            var smes = Smes("yy", year);
            var count = firsts.Count(f => f.Value.Year == year && smes.Contains(f.Key));
            Assert.True(count >= 40, $"{count} zero-breakthrough SMEs in {year}");
        }
    }

    [Fact]
    public void Yueyang_has_a_first_invention_grant_on_new_years_day()
    {
        Assert.Contains(FirstInventionGrants("yy").Values, d => d is { Month: 1, Day: 1 });
    }

    [Fact]
    public void Yueyang_invention_grants_roughly_double_from_2019_to_2022()
    {
        var grants = Patents("yy").Where(p => p.Type is "1" or "8" && p.Granted is not null)
            .DistinctBy(p => p.Number).GroupBy(p => p.Granted!.Value.Year).ToDictionary(g => g.Key, g => g.Count());
        Assert.InRange(grants[2022] / (double)grants[2019], 1.6, 3.2);
    }

    [Fact]
    public void Some_firms_hold_only_utility_models_and_a_few_hold_most_patents()
    {
        var byFirm = Patents("yy").SelectMany(p => p.Applicants.Select(a => (Applicant: a, p.Type))).Where(a => a.Applicant.Length == 18)
            .GroupBy(a => a.Applicant).ToList();
        Assert.Contains(byFirm, g => g.All(a => a.Type == "2"));
        var counts = byFirm.Select(g => g.Count()).OrderDescending().ToList();
        Assert.True(counts.Take(counts.Count / 10).Sum() > counts.Sum() * 0.4);
    }

    [Fact]
    public void Patent_history_starts_years_before_each_baseline()
    {
        Assert.True(Patents("cq").Min(p => p.Applied ?? DateOnly.MaxValue).Year <= 2008);
        Assert.True(Patents("yy").Min(p => p.Applied ?? DateOnly.MaxValue).Year <= 2013);
    }

    [Fact]
    public void Chongqing_tech_smes_cumulative_by_2015_are_near_the_10000_target()
    {
        var codes = output.Files("recognitions", "cq")
            .Where(f => f.Path.EndsWith("2013.xlsx", StringComparison.Ordinal) || f.Path.EndsWith("2014.xlsx", StringComparison.Ordinal) || f.Path.EndsWith("2015.xlsx", StringComparison.Ordinal))
            .SelectMany(f => FeedReaders.Workbook(output.PathOf(f)))
            .SelectMany(s => s.Rows.Skip(2))
            .Where(r => r.GetValueOrDefault("D") == "科技型中小微型企业")
            .Select(r => r["A"].Trim())
            .Distinct()
            .Count();
        Assert.InRange(codes, 8_500, 11_500);
    }

    [Fact]
    public void Chongqing_it_adoption_passes_about_45_percent_around_2015()
    {
        Assert.InRange(ItAdoption(2012), 0.2, 0.4);
        Assert.InRange(ItAdoption(2015), 0.42, 0.52);
    }

    private double ItAdoption(int year)
    {
        var sheet = FeedReaders.Workbook(output.PathOf(output.Files("survey", "cq").Single(f => f.Path.EndsWith($"{year}.xlsx", StringComparison.Ordinal))))[0];
        double weighted = 0, total = 0;
        foreach (var row in sheet.Rows.Skip(2).Where(r => r.Count > 2 && r["A"] != "合计"))
        {
            var weight = double.Parse(row["C"], CultureInfo.InvariantCulture);
            total += weight;
            weighted += new[] { "D", "E", "F" }.Any(c => row.GetValueOrDefault(c) == "是") ? weight : 0;
        }

        return weighted / total;
    }

    private Dictionary<string, DateOnly> FirstInventionGrants(string region)
    {
        var firsts = new Dictionary<string, DateOnly>();
        foreach (var patent in Patents(region).Where(p => p.Type is "1" or "8" && p.Granted is not null))
        {
            foreach (var applicant in patent.Applicants.Where(a => a.Length == 18))
            {
                if (!firsts.TryGetValue(applicant, out var first) || patent.Granted!.Value < first)
                {
                    firsts[applicant] = patent.Granted!.Value;
                }
            }
        }

        return firsts;
    }

    private HashSet<string> Smes(string region, int year) =>
        FeedReaders.CsvData(FeedReaders.Csv(output.PathOf(output.Files("registry", region).Single(f => f.Path.Contains($"{year}-12-31", StringComparison.Ordinal))), FeedReaders.Gbk()))
            .Where(r => r[10] != "大型").Select(r => r[0]).ToHashSet();

    private List<Patent> Patents(string region) =>
        FeedReaders.JsonLines(output.PathOf(output.Files("patents", region).Single()))
            .Select(p => new Patent(
                p.GetProperty("application_no").GetString()!,
                p.GetProperty("patent_type").GetString()!,
                FeedReaders.IsoDate(p.GetProperty("application_date")),
                FeedReaders.IsoDate(p.GetProperty("grant_date")),
                p.GetProperty("applicants").EnumerateArray().Select(a => a.GetString()!).ToList()))
            .ToList();

    private sealed record Patent(string Number, string Type, DateOnly? Applied, DateOnly? Granted, List<string> Applicants);
}
