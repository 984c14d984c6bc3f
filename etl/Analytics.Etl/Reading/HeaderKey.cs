using Analytics.Etl.Normalising;

namespace Analytics.Etl.Reading;

/// <summary>
/// How a header cell is compared with a field's aliases: case, spaces, full-width forms, quote marks, underscores and
/// a leading * (required marker) do not matter, and a unit in brackets at the end is split off:
/// <c>营业收入（元）</c> → key <c>营业收入</c>, unit <c>元</c>.
/// </summary>
public static class HeaderKey
{
    /// <summary>The comparison key of a whole header (unit included).</summary>
    public static string Of(string header) => TextFolding.LookupKey(header);

    /// <summary>
    /// Splits a header key into its base and a trailing unit: a bracketed last part (<c>(万元)</c>, <c>[元]</c>, <c>(单位:元)</c>),
    /// or a money unit glued to the end (<c>营业收入万元</c>). Returns false when there is no trailing part.
    /// </summary>
    public static bool TrySplitUnit(string key, out string baseKey, out string unit)
    {
        baseKey = key;
        unit = "";
        if (key.Length > 2 && key[^1] is ')' or ']')
        {
            var open = key.LastIndexOf(key[^1] == ')' ? '(' : '[');
            if (open > 0)
            {
                baseKey = key[..open];
                unit = key[(open + 1)..^1];
                return true;
            }
        }

        foreach (var suffix in (string[])["万元", "千元", "亿元", "元"])
        {
            if (key.Length > suffix.Length && key.EndsWith(suffix, StringComparison.Ordinal))
            {
                baseKey = key[..^suffix.Length];
                unit = suffix;
                return true;
            }
        }

        return false;
    }
}
