using System.Globalization;

namespace Analytics.Dashboard.Presentation;

/// <summary>The year a page shows: the one asked for when it is one of <c>years</c>, else an error; the default when none is asked.</summary>
public static class PageYears
{
    /// <summary>Validates and picks the year.</summary>
    public static int Select(string? asked, IReadOnlyList<int> years, int fallback, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(years);
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrEmpty(asked))
        {
            return fallback;
        }

        if (int.TryParse(asked, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && years.Contains(y))
        {
            return y;
        }

        errors["year"] = [$"'{(asked.Length > 40 ? asked[..40] : asked)}' is not a year here: use {years.FirstOrDefault()}–{years.LastOrDefault()}."];
        return fallback;
    }
}
