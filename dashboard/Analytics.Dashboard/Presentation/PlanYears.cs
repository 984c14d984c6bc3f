using System.Globalization;
using Analytics.Dashboard.Data;
using Analytics.Dashboard.Localization;

namespace Analytics.Dashboard.Presentation;

/// <summary>
/// The year in view: every page of a plan shows one year, carried in the URL (<c>year=</c>) by every link. Without one,
/// a page shows the latest year of the plan's period that has data — never a year past the data or outside the plan
/// unless asked — so the overview's tiles, the grid and the pages beneath them agree on the year.
/// </summary>
public static class PlanYears
{
    /// <summary>The years a plan's pages offer: every year the marts report (baseline and after the plan included).</summary>
    public static IReadOnlyList<int> Offered(PlanInfo plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return Enumerable.Range(plan.FirstYear, plan.LastYear - plan.FirstYear + 1).ToList();
    }

    /// <summary>The latest year of the plan's period (start to target year) that has data; else the latest with data.</summary>
    public static int Default(PlanInfo plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var data = plan.DataToYear ?? plan.TargetYear ?? plan.LastYear;
        var start = plan.StartYear ?? plan.FirstYear;
        var end = plan.TargetYear ?? plan.LastYear;
        return data >= start ? Math.Min(data, end) : data;
    }

    /// <summary>What a year is to the plan: <c>baseline</c>, <c>period</c> (a year with targets), <c>target</c>, <c>before</c> or <c>after</c>.</summary>
    public static string Role(PlanInfo plan, int year)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (year == plan.TargetYear)
        {
            return "target";
        }

        if (year == plan.BaselineYear)
        {
            return "baseline";
        }

        if (plan.StartYear is { } s && plan.TargetYear is { } t && year >= s && year < t)
        {
            return "period";
        }

        return plan.TargetYear is { } target && year > target ? "after" : "before";
    }

    /// <summary>A year as the picker shows it, e.g. "2015（目标年）", so a reader sees which years have targets.</summary>
    public static string Label(PlanInfo plan, int year, UiContext ui)
    {
        ArgumentNullException.ThrowIfNull(ui);
        var role = Role(plan, year);
        var text = year.ToString(CultureInfo.InvariantCulture);
        var noData = plan.DataToYear is { } d && year > d;
        var note = role switch
        {
            "target" => ui["YearTarget"],
            "period" => ui["YearPeriod"],
            "baseline" => ui["YearBaseline"],
            _ => "",
        };
        if (noData)
        {
            note = note.Length > 0 ? note + ui["ListSeparator"] + ui["YearNoData"] : ui["YearNoData"];
        }

        return note.Length > 0 ? string.Format(ui.Culture, ui["YearWithNote"], text, note) : text;
    }

    /// <summary>The year asked for when it is offered; otherwise an error (in the page's language) and the default.</summary>
    public static int Select(string? asked, PlanInfo plan, UiContext ui, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(ui);
        return Select(asked, plan, ui.Culture, errors);
    }

    /// <summary>The year asked for when it is offered; otherwise an error in <paramref name="culture"/> (the API's: English) and the default.</summary>
    public static int Select(string? asked, PlanInfo plan, CultureInfo culture, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(culture);
        ArgumentNullException.ThrowIfNull(errors);
        var fallback = Default(plan);
        if (string.IsNullOrEmpty(asked))
        {
            return fallback;
        }

        if (int.TryParse(asked, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y >= plan.FirstYear && y <= plan.LastYear)
        {
            return y;
        }

        errors["year"] = [string.Format(culture, Labels.Get("ErrorYear", culture), Filters.Shown(asked), plan.FirstYear, plan.LastYear)];
        return fallback;
    }
}
