namespace Analytics.Notebooks.Charts;

/// <summary>
/// Breaks a chart title into lines that fit the image (plotly never wraps titles; a long one is cut off). Widths are
/// counted in half-em units: a CJK character is two, anything else one. A line breaks preferably where Chinese text
/// gives way to English (the titles are "中文名 English name"), else at the last space, else anywhere.
/// </summary>
internal static class TitleWrap
{
    public static IReadOnlyList<string> Lines(string title, int maxUnits)
    {
        ArgumentNullException.ThrowIfNull(title);
        maxUnits = Math.Max(10, maxUnits);
        var lines = new List<string>();
        var rest = title.Trim();
        while (Units(rest) > maxUnits)
        {
            var cut = BreakAt(rest, maxUnits);
            lines.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0)
        {
            lines.Add(rest);
        }

        return lines;
    }

    private static int BreakAt(string text, int maxUnits)
    {
        var fits = 0;
        for (var units = 0; fits < text.Length && units + Width(text[fits]) <= maxUnits; fits++)
        {
            units += Width(text[fits]);
        }

        var scriptChange = -1;
        var space = -1;
        for (var i = 1; i < fits; i++)
        {
            if (text[i] == ' ')
            {
                space = i;
                if (IsWide(text[i - 1]) && i + 1 < text.Length && !IsWide(text[i + 1]))
                {
                    scriptChange = i;
                }
            }
        }

        return scriptChange > 0 ? scriptChange : space > fits / 2 ? space : Math.Max(1, fits);
    }

    private static int Units(string text) => text.Sum(Width);

    private static int Width(char c) => IsWide(c) ? 2 : 1;

    private static bool IsWide(char c) => c >= 0x2E80 && c <= 0xFFEF;
}
