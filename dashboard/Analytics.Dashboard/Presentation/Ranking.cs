using Analytics.Dashboard.Data;

namespace Analytics.Dashboard.Presentation;

/// <summary>
/// A breakdown for one year in an honest order: cells ranked by the measure drawn (the ratio for doubling indicators,
/// never the raw value beside it); survey estimates on fewer than <see cref="MinSample"/> responses flagged and placed
/// after the ranked ones (their 95% interval is too wide to order places by); and the cells that cannot be drawn —
/// withheld, a zero or missing baseline, no data — kept as explicit rows that say why, instead of vanishing.
/// One model for the chart and the table beneath it.
/// </summary>
public static class Ranking
{
    /// <summary>Fewest survey responses behind an estimate that is ranked.</summary>
    public const int MinSample = 30;

    /// <summary>The breakdown's entries in display order.</summary>
    public static IReadOnlyList<RankingEntry> Of(IndicatorInfo i, IReadOnlyList<MartRow> rows, Func<MartRow, string> label, Func<MartRow, string> href)
    {
        ArgumentNullException.ThrowIfNull(i);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(href);
        var entries = rows.Select(r => new RankingEntry(r, label(r), href(r), KindOf(i, r))).ToList();
        var drawn = entries.Where(e => e.Kind is RankingKind.Ranked or RankingKind.SmallSample)
            .OrderBy(e => e.Kind)
            .ThenByDescending(e => Measure.Measured(i, e.Row))
            .ThenBy(e => e.Label, StringComparer.Ordinal);
        var undrawn = entries.Where(e => e.Kind is not (RankingKind.Ranked or RankingKind.SmallSample))
            .OrderBy(e => e.Kind).ThenBy(e => e.Label, StringComparer.Ordinal);
        return [.. drawn, .. undrawn];
    }

    private static RankingKind KindOf(IndicatorInfo i, MartRow r)
    {
        if (r.Withheld)
        {
            return RankingKind.Withheld;
        }

        if (Measure.Measured(i, r) is not null)
        {
            return Measure.IsSurvey(i) && r.SampleSize is { } n && n < MinSample ? RankingKind.SmallSample : RankingKind.Ranked;
        }

        if (Measure.IsDoubling(i) && r.Value is not null)
        {
            return r.BaselineValue is null ? RankingKind.NoBaseline : RankingKind.ZeroBaseline;
        }

        return RankingKind.NoData;
    }
}

/// <summary>Why an entry is where it is.</summary>
public enum RankingKind
{
    /// <summary>Drawn and ranked by its measure.</summary>
    Ranked,

    /// <summary>Drawn, flagged, after the ranked ones: a survey estimate on too few responses.</summary>
    SmallSample,

    /// <summary>A doubling ratio whose baseline is zero: the year's value is shown, no ratio.</summary>
    ZeroBaseline,

    /// <summary>A doubling ratio without a baseline value.</summary>
    NoBaseline,

    /// <summary>Withheld from this reader (disclosure control).</summary>
    Withheld,

    /// <summary>No data for the cell.</summary>
    NoData,
}

/// <summary>One entry of a <see cref="Ranking"/>.</summary>
public sealed record RankingEntry(MartRow Row, string Label, string Href, RankingKind Kind);
