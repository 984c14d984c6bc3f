using System.Globalization;
using System.Text;

namespace Analytics.Dashboard.Presentation;

/// <summary>A tiny inline SVG polyline of a series, drawn on the server (a tile needs no chart library).</summary>
public static class Sparkline
{
    /// <summary>The <c>points</c> attribute for values in a <paramref name="width"/>×<paramref name="height"/> box (nulls skipped).</summary>
    public static string Points(IReadOnlyList<double?> values, double width = 120, double height = 32)
    {
        ArgumentNullException.ThrowIfNull(values);
        var present = values.Where(v => v.HasValue).Select(v => v!.Value).ToList();
        if (present.Count == 0)
        {
            return "";
        }

        double lo = present.Min(), hi = present.Max();
        var span = hi - lo < 1e-12 ? 1 : hi - lo;
        var step = values.Count > 1 ? width / (values.Count - 1) : 0;
        var sb = new StringBuilder();
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is not { } v)
            {
                continue;
            }

            var x = values.Count > 1 ? i * step : width / 2;
            var y = height - 2 - ((v - lo) / span * (height - 4));
            sb.Append(CultureInfo.InvariantCulture, $"{x:0.#},{y:0.#} ");
        }

        return sb.ToString().TrimEnd();
    }
}
