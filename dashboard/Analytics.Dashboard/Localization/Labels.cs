using System.Globalization;
using System.Resources;

namespace Analytics.Dashboard.Localization;

/// <summary>The pages' labels: <c>Labels.resx</c> (Chinese, the neutral language) and <c>Labels.en.resx</c>.</summary>
public static class Labels
{
    private static readonly ResourceManager Resources = new("Analytics.Dashboard.Localization.Labels", typeof(Labels).Assembly);

    /// <summary>The label <paramref name="key"/> in <paramref name="culture"/>; the key itself when missing (so a gap shows, not crashes).</summary>
    public static string Get(string key, CultureInfo culture) => Resources.GetString(key, culture) ?? key;
}
