using Analytics.Dashboard.Presentation;
using static Analytics.Dashboard.Tests.Presentation.PresentationTestData;

namespace Analytics.Dashboard.Tests.Presentation;

public sealed class RankingTests
{
    [Fact]
    public void Doubling_cells_rank_by_their_ratio_not_by_the_raw_value_beside_it()
    {
        // 430602 has the most grants but the smallest ratio; 430624 the fewest grants but doubled them.
        var rows = new[] { Row("430602", 60, ratio: 1.2, baseline: 50), Row("430624", 8, ratio: 2.0, baseline: 4), Row("430681", 30, ratio: 1.5, baseline: 20) };

        var entries = Ranking.Of(Grants, rows, r => r.DistrictCode, r => "/" + r.DistrictCode);

        Assert.Equal(["430624", "430681", "430602"], entries.Select(e => e.Label));
        Assert.All(entries, e => Assert.Equal(RankingKind.Ranked, e.Kind));
    }

    [Fact]
    public void A_zero_or_missing_baseline_and_a_withheld_cell_stay_as_rows_that_say_why()
    {
        var rows = new[]
        {
            Row("430626", 19, ratio: null, baseline: 0), Row("430602", 60, ratio: 1.2, baseline: 50),
            Row("430603", 5, ratio: null, baseline: null), Row("430681", null, withheld: true), Row("430682", null),
        };

        var entries = Ranking.Of(Grants, rows, r => r.DistrictCode, r => "/" + r.DistrictCode);

        Assert.Equal(
            [("430602", RankingKind.Ranked), ("430626", RankingKind.ZeroBaseline), ("430603", RankingKind.NoBaseline), ("430681", RankingKind.Withheld), ("430682", RankingKind.NoData)],
            entries.Select(e => (e.Label, e.Kind)));
        var ui = Ui();
        Assert.Equal("基期（2019 年）为 0，无法计算倍数；2022 年为 19", Charts.NoteText(Grants, entries[1], ui));
        var spec = Charts.Ranking(Grants, entries, ui, "t", "f", new ChartCaption([], ""));
        Assert.Equal(["430602"], spec.Series[0].X);
        Assert.Equal(["430626", "430603", "430681", "430682"], spec.Notes!.Select(n => n.Label));
        Assert.All(spec.Notes!, n => Assert.StartsWith("/", n.Link, StringComparison.Ordinal));
    }

    [Fact]
    public void A_survey_estimate_on_a_small_sample_is_flagged_and_never_ranked_first()
    {
        // 忠县 has the highest share on 3 responses.
        var rows = new[] { Row("500233", 1.0, n: 3), Row("500101", 0.62, n: 55), Row("500103", 0.58, n: 120), Row("500120", 0.70, n: Ranking.MinSample - 1) };

        var entries = Ranking.Of(Adoption, rows, r => r.DistrictCode, r => "/" + r.DistrictCode);

        Assert.Equal(["500101", "500103", "500233", "500120"], entries.Select(e => e.Label));
        Assert.Equal([RankingKind.Ranked, RankingKind.Ranked, RankingKind.SmallSample, RankingKind.SmallSample], entries.Select(e => e.Kind));
        var spec = Charts.Ranking(Adoption, entries, Ui(), "t", "f", new ChartCaption([], ""));
        Assert.Equal([false, false, true, true], spec.Series[0].Flags);
        Assert.Equal(["62.0% n=55", "58.0% n=120", "100.0% n=3", "70.0% n=29"], spec.Series[0].Labels);
    }
}
