using Analytics.DemoData.Population;
using Analytics.DemoData.Randomness;

namespace Analytics.DemoData.Feeds;

/// <summary>
/// Decides a firm's patents. Firms above the region's invention threshold draw the year of their first invention
/// grant (weighted by year, and by district momentum in the plan years) — this is what makes 破零 counts a story
/// rather than noise — and file that invention 2–4 years before it; later inventions are granted after it. Active
/// firms also file utility models and designs. Volumes are Pareto-distributed, so a few firms hold most patents.
/// </summary>
internal sealed class PatentPlanner
{
    private readonly RegionModel _region;
    private readonly InnovationThresholds _thresholds;
    private readonly int[] _years;
    private readonly double[] _yearWeights;

    public PatentPlanner(RegionModel region, InnovationThresholds thresholds)
    {
        _region = region;
        _thresholds = thresholds;
        _years = [.. region.FirstGrantYearWeights.Keys.Where(y => y <= region.LastYear).Order()];
        _yearWeights = [.. _years.Select(y => region.FirstGrantYearWeights[y])];
    }

    /// <summary>The firm's patents, oldest filing first.</summary>
    /// <param name="firm">The applicant.</param>
    /// <param name="firstGrantOnNewYear">Put the first invention grant on 1 January (the edge case a 破零 count must handle).</param>
    public List<PatentDraft> Plan(Enterprise firm, bool firstGrantOnNewYear)
    {
        var drafts = new List<PatentDraft>();
        if (firm.Innovation < _thresholds.Active)
        {
            return drafts;
        }

        var rng = Rng.For(firm.Salt, Streams.Patent);
        var historyStart = new DateOnly(_region.PatentHistoryStart, 1, 1);
        var earliest = Max(firm.Founded.AddDays(60), historyStart);
        var end = _region.DataEnd;
        if (earliest >= end)
        {
            return drafts;
        }

        var sizeFactor = Math.Exp(0.5 * firm.SizeLatent);
        if (firm.Innovation >= _thresholds.Inventor)
        {
            PlanInventions(firm, ref rng, earliest, end, sizeFactor, firstGrantOnNewYear, drafts);
        }

        var utilityCount = (int)Math.Min(3000, Math.Floor(rng.Pareto(1.25) * 1.6 * _region.PatentVolume * sizeFactor));
        for (var i = 0; i < utilityCount; i++)
        {
            var applied = DateBetween(ref rng, earliest, end);
            var type = rng.NextDouble() switch { < 0.8 => 2, < 0.97 => 3, _ => 9 };
            var granted = rng.Chance(type == 3 ? 0.9 : 0.93) ? applied.AddDays(type == 3 ? rng.Next(120, 300) : rng.Next(180, 420)) : (DateOnly?)null;
            drafts.Add(Finish(type, applied, null, granted, end, ref rng));
        }

        drafts.Sort((a, b) => a.Applied.CompareTo(b.Applied));
        return drafts;
    }

    private void PlanInventions(
        Enterprise firm, ref Rng rng, DateOnly earliest, DateOnly end, double sizeFactor, bool onNewYear, List<PatentDraft> drafts)
    {
        // About a quarter of capable firms never get an invention granted in the window.
        if (rng.Chance(0.25))
        {
            return;
        }

        var year = DrawFirstGrantYear(firm, ref rng);
        var firstGrant = onNewYear ? new DateOnly(year, 1, 1) : new DateOnly(year, 1, 1).AddDays(rng.Next(DateTime.IsLeapYear(year) ? 366 : 365));
        var firstApplied = firstGrant.AddDays(-rng.Next(730, 1460));
        if (firstApplied < earliest || firstGrant > end || (firm.ExitDate is { } exit && exit <= firstGrant))
        {
            return;
        }

        drafts.Add(Finish(rng.Chance(0.92) ? 1 : 8, firstApplied, firstApplied.AddDays(rng.Next(180, 548)), firstGrant, end, ref rng));
        var more = (int)Math.Min(1500, Math.Floor((rng.Pareto(1.3) - 1) * 2.2 * _region.PatentVolume * sizeFactor));
        for (var i = 0; i < more; i++)
        {
            var applied = DateBetween(ref rng, firstApplied, end);
            DateOnly? granted = null;
            if (rng.Chance(0.6))
            {
                var candidate = applied.AddDays(rng.Next(700, 1500));
                granted = candidate > firstGrant ? candidate : firstGrant.AddDays(rng.Next(7, 120));
            }

            drafts.Add(Finish(rng.Chance(0.92) ? 1 : 8, applied, applied.AddDays(rng.Next(180, 548)), granted, end, ref rng));
        }
    }

    private int DrawFirstGrantYear(Enterprise firm, ref Rng rng)
    {
        Span<double> cumulative = stackalloc double[_years.Length];
        var sum = 0.0;
        for (var i = 0; i < _years.Length; i++)
        {
            var weight = _yearWeights[i];
            if (_years[i] > _region.PlanBaselineYear)
            {
                weight *= Math.Pow(firm.Territory.Momentum, 1.5);
            }

            sum += weight;
            cumulative[i] = sum;
        }

        return _years[rng.PickCumulative(cumulative)];
    }

    /// <summary>Sets publication and status as of the data's end: grants later than that are still pending.</summary>
    private static PatentDraft Finish(int type, DateOnly applied, DateOnly? published, DateOnly? granted, DateOnly end, ref Rng rng)
    {
        if (granted > end)
        {
            granted = null;
        }

        var isInvention = type is 1 or 8;
        published = isInvention ? (published <= end ? published : null) : granted;
        string status;
        if (granted is { } g)
        {
            status = end.DayNumber - g.DayNumber > 4 * 365 && rng.Chance(0.25) ? "失效" : "有效";
        }
        else if (end.DayNumber - applied.DayNumber < (isInvention ? 4 : 2) * 365)
        {
            status = "审中";
        }
        else
        {
            status = rng.Chance(0.6) ? "驳回" : "撤回";
        }

        return new PatentDraft(type, applied, published, granted, status);
    }

    /// <summary>A filing date in [from, to], weighted toward later years (filings grew every year).</summary>
    private static DateOnly DateBetween(ref Rng rng, DateOnly from, DateOnly to)
    {
        var span = to.DayNumber - from.DayNumber;
        return from.AddDays((int)(Math.Pow(rng.NextDouble(), 0.7) * span));
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
