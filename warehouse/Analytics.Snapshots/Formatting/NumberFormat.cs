using System.Globalization;

namespace Analytics.Snapshots.Formatting;

/// <summary>
/// How one kind of number reads for people: whole counts, a 0–1 share as a percentage, a ratio (×), an amount in a
/// unit. Text in a culture (never E-notation), and the same choice as a d3 format for plotly charts and as an Excel
/// number format, so a page, a chart, a workbook and a notebook show one number alike.
/// </summary>
/// <param name="Kind"><c>count</c>, <c>percent</c>, <c>ratio</c> or <c>amount</c>.</param>
/// <param name="Decimals">Decimals shown (of the percentage, for <c>percent</c>).</param>
public sealed record NumberFormat(string Kind, int Decimals)
{
    /// <summary>Whole numbers (enterprises, patents, persons).</summary>
    public static readonly NumberFormat Count = new("count", 0);

    /// <summary>A doubling ratio, e.g. 1.99×.</summary>
    public static readonly NumberFormat Ratio = new("ratio", 2);

    /// <summary>The kinds a catalog may name.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["count", "percent", "ratio", "amount"];

    /// <summary><paramref name="value"/> as text in <paramref name="culture"/>; "—" when there is none.</summary>
    public string Format(double? value, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        if (value is not { } x || double.IsNaN(x) || double.IsInfinity(x))
        {
            return "—";
        }

        return Kind switch
        {
            "percent" => x.ToString("P" + Decimals.ToString(CultureInfo.InvariantCulture), culture),
            "ratio" => x.ToString("N" + Decimals.ToString(CultureInfo.InvariantCulture), culture) + "×",
            _ => x.ToString("N" + Decimals.ToString(CultureInfo.InvariantCulture), culture),
        };
    }

    /// <summary>
    /// A threshold (a target or an on-track path) as text: for counts the smallest whole number that reaches it (a path
    /// of 3,333.33 firms is reached by 3,334), so a count shown equal to its path is on track; other kinds as <see cref="Format"/>.
    /// </summary>
    public string FormatThreshold(double? value, CultureInfo culture) => Format(Threshold(value), culture);

    /// <summary>
    /// A threshold as shown (<see cref="FormatThreshold"/>) as a number: for counts the smallest whole number that
    /// reaches it, other kinds unchanged — what a workbook cell holds, so it reads as the page does.
    /// </summary>
    public double? Threshold(double? value) =>
        Kind == "count" && value is { } x && !double.IsNaN(x) && !double.IsInfinity(x) ? Math.Ceiling(Math.Round(x, 9)) : value;

    /// <summary>The d3 format plotly uses for axis ticks and hover text.</summary>
    public string D3 => Kind switch
    {
        "percent" => "." + Decimals.ToString(CultureInfo.InvariantCulture) + "%",
        "ratio" => "." + Decimals.ToString(CultureInfo.InvariantCulture) + "f",
        _ => ",." + Decimals.ToString(CultureInfo.InvariantCulture) + "f",
    };

    /// <summary>Text after a value in d3-formatted labels (the × of a ratio).</summary>
    public string Suffix => Kind == "ratio" ? "×" : "";

    /// <summary>The Excel number format of a cell holding the raw value.</summary>
    public string Excel
    {
        get
        {
            var decimals = Decimals > 0 ? "." + new string('0', Decimals) : "";
            return Kind switch
            {
                "percent" => "0" + decimals + "%",
                "ratio" => "0" + decimals + "\"×\"",
                _ => "#,##0" + decimals,
            };
        }
    }
}
