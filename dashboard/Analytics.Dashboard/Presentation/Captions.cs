using Analytics.Dashboard.Data;
using Analytics.Dashboard.Localization;

namespace Analytics.Dashboard.Presentation;

/// <summary>The words around a number that travel with it: its sources in the reader's language, a chart's caption.</summary>
public static class Captions
{
    /// <summary>The feeds behind an indicator, named in the page's language (the catalog lists them as <c>patents; registry</c>).</summary>
    public static string Sources(IndicatorInfo i, UiContext ui)
    {
        ArgumentNullException.ThrowIfNull(i);
        ArgumentNullException.ThrowIfNull(ui);
        var feeds = (i.SourceFeed ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return feeds.Length == 0 ? "—" : string.Join(ui["ListSeparator"], feeds.Select(f => FeedName(f, ui)));
    }

    /// <summary>A feed's name in the page's language (an unknown feed keeps its id).</summary>
    public static string FeedName(string feed, UiContext ui)
    {
        ArgumentNullException.ThrowIfNull(ui);
        var key = "Feed_" + feed;
        var name = ui[key];
        return name == key ? feed : name;
    }

    /// <summary>
    /// What a downloaded chart of <paramref name="i"/> carries: the indicator, where and when (<paramref name="where"/>),
    /// the unit, and at its foot the sources and the snapshot's build date.
    /// </summary>
    public static ChartCaption For(IndicatorInfo i, string where, UiContext ui, SnapshotCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(i);
        ArgumentNullException.ThrowIfNull(ui);
        ArgumentNullException.ThrowIfNull(catalog);
        var unit = UnitLine(i, ui);
        return new ChartCaption(
            [ui.Pick(i.NameZh, i.NameEn), unit.Length > 0 ? where + ui["ListSeparator"] + unit : where],
            Footer(Sources(i, ui), ui, catalog));
    }

    /// <summary>A caption for a chart of many indicators (a district's or industry group's comparison).</summary>
    public static ChartCaption ForPlan(string where, UiContext ui, SnapshotCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(ui);
        return new ChartCaption([where, ui["UnitAttainment"]], Footer(ui["FeedsAll"], ui, catalog));
    }

    /// <summary>"单位：家" / "Unit: enterprises"; for doubling indicators the ratio and the value's unit.</summary>
    public static string UnitLine(IndicatorInfo i, UiContext ui)
    {
        ArgumentNullException.ThrowIfNull(i);
        ArgumentNullException.ThrowIfNull(ui);
        if (Measure.IsDoubling(i))
        {
            return ui["UnitRatio"];
        }

        var unit = i.Format.Value.Kind == "percent" ? "%" : Measure.Unit(i, ui.English);
        return unit.Length > 0 ? string.Format(ui.Culture, ui["UnitLine"], unit) : "";
    }

    private static string Footer(string sources, UiContext ui, SnapshotCatalog catalog) =>
        string.Format(ui.Culture, ui["ChartFooter"], sources, catalog.BuiltAt is { } b ? ui.Date(b) : "—");
}
