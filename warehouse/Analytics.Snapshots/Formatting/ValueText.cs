using System.Collections;
using System.Globalization;
using System.Text;
using Analytics.DuckDb;

namespace Analytics.Snapshots.Formatting;

/// <summary>
/// A result value as invariant text: ISO dates, '.' decimals, doubles in their shortest round-trip form, lists and
/// structs as DuckDB prints them. The one formatter of raw values for every reader — the SQL worker's tables, CSV and
/// JSON map keys, the dashboard's tables, the notebooks' <c>DataFrame</c> — so a value reads the same everywhere.
/// (Numbers shaped for people, with units and thousands separators, are the dashboard's presentation, not this.)
/// </summary>
public static class ValueText
{
    /// <summary>The text of <paramref name="value"/>, or null for SQL NULL (null or <see cref="DBNull"/>).</summary>
    public static string? FormatOrNull(object? value) => value is null or DBNull ? null : Format(value);

    /// <summary>The text of <paramref name="value"/>; null and DBNull give an empty string.</summary>
    public static string Format(object? value) => value switch
    {
        null or DBNull => "",
        string s => s,
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString(t.TimeOfDay.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("yyyy-MM-dd HH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString(t.Ticks % TimeSpan.TicksPerSecond == 0 ? "HH:mm:ss" : "HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        byte[] bytes => "\\x" + Convert.ToHexString(bytes),
        DuckDbInterval i => Interval(i),
        IDictionary map => "{" + string.Join(", ", map.Keys.Cast<object>().Select(k => Format(k) + ": " + Format(map[k]))) + "}",
        IEnumerable list => "[" + string.Join(", ", list.Cast<object?>().Select(Format)) + "]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Interval(DuckDbInterval interval)
    {
        var parts = new StringBuilder();
        if (interval.Months != 0)
        {
            parts.Append(CultureInfo.InvariantCulture, $"{interval.Months} months ");
        }

        if (interval.Days != 0)
        {
            parts.Append(CultureInfo.InvariantCulture, $"{interval.Days} days ");
        }

        if (interval.Micros != 0 || parts.Length == 0)
        {
            parts.Append(TimeSpan.FromMicroseconds(interval.Micros).ToString("c", CultureInfo.InvariantCulture));
        }

        return parts.ToString().TrimEnd();
    }
}
