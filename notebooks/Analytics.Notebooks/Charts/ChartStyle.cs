using System.Text;
using System.Text.Json.Nodes;

namespace Analytics.Notebooks.Charts;

/// <summary>The look every chart shares: fonts that carry Chinese, colours, the base layout, the target line.</summary>
internal static class ChartStyle
{
    /// <summary>CJK-capable fonts first, so Chinese never falls back to empty boxes where one of them is installed.</summary>
    public const string FontFamily = "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";

    public static readonly string[] Palette = ["#1f5fa8", "#d9822b", "#2e8b57", "#8e44ad", "#c0392b", "#16a085", "#7f8c8d", "#b8860b"];

    public const string TargetColour = "#c0392b";

    public const string TrajectoryColour = "#7f8c8d";

    public static JsonObject Layout(ChartSpec spec, bool horizontal = false)
    {
        var valueAxis = Axis(horizontal ? spec.XTitle : spec.YTitle);
        if (spec.ValueFormat is not null)
        {
            valueAxis["tickformat"] = spec.ValueFormat;
        }

        valueAxis["rangemode"] = "tozero";
        var categoryAxis = Axis(horizontal ? spec.YTitle : spec.XTitle);
        var titleLines = TitleWrap.Lines(spec.Title, (spec.Width - 40) / 9);
        return new JsonObject
        {
            ["title"] = new JsonObject { ["text"] = string.Join("<br>", titleLines), ["x"] = 0.01, ["xanchor"] = "left", ["font"] = new JsonObject { ["size"] = 17 } },
            ["font"] = new JsonObject { ["family"] = FontFamily, ["size"] = 13, ["color"] = "#222" },
            ["paper_bgcolor"] = "#ffffff",
            ["plot_bgcolor"] = "#ffffff",
            ["width"] = spec.Width,
            ["height"] = spec.Height,
            // The legend sits at the bottom of the image (container coordinates), below the x axis title whatever the
            // plot's height; the bottom margin leaves room for ticks, axis title and two legend rows.
            ["margin"] = new JsonObject { ["l"] = horizontal ? 150 : 70, ["r"] = 30, ["t"] = 36 + (24 * titleLines.Count), ["b"] = 115 },
            ["legend"] = new JsonObject
            {
                ["orientation"] = "h", ["x"] = 0, ["xanchor"] = "left", ["yref"] = "container", ["y"] = 0.01, ["yanchor"] = "bottom",
            },
            ["xaxis"] = horizontal ? valueAxis : categoryAxis,
            ["yaxis"] = horizontal ? categoryAxis : valueAxis,
        };
    }

    public static JsonObject Axis(string? title) => new()
    {
        ["title"] = new JsonObject { ["text"] = title ?? "" },
        ["gridcolor"] = "#e5e5e5",
        ["zerolinecolor"] = "#999",
        ["automargin"] = true,
    };

    /// <summary>A horizontal dashed target line across the x values, as a trace so it has a legend entry.</summary>
    public static JsonObject TargetTrace(ChartSpec spec, IReadOnlyList<object> xs) => new()
    {
        ["type"] = "scatter",
        ["mode"] = "lines",
        ["name"] = spec.TargetLabel ?? "目标 Target",
        ["x"] = Values(xs),
        ["y"] = Values(xs.Select(_ => (object?)spec.Target)),
        ["line"] = new JsonObject { ["color"] = TargetColour, ["dash"] = "dash", ["width"] = 2 },
        ["hoverinfo"] = "skip",
    };

    public static JsonArray Values<T>(IEnumerable<T> values)
    {
        var array = new JsonArray();
        foreach (var v in values)
        {
            array.Add(v is null ? null : JsonValue.Create(v));
        }

        return array;
    }

    public static JsonArray Values(IEnumerable<object?> values)
    {
        var array = new JsonArray();
        foreach (var v in values)
        {
            array.Add(v switch
            {
                null => null,
                int i => JsonValue.Create(i),
                long l => JsonValue.Create(l),
                double d => double.IsFinite(d) ? JsonValue.Create(d) : null,
                decimal m => JsonValue.Create(m),
                string s => JsonValue.Create(s),
                _ => JsonValue.Create(Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)),
            });
        }

        return array;
    }

    /// <summary>A file-name-safe slug: ASCII letters, digits and dashes.</summary>
    public static string Slug(ChartSpec spec)
    {
        var source = spec.Name ?? (spec.IndicatorIds.Count > 0 ? string.Join("-", spec.IndicatorIds) : spec.Title);
        var slug = new StringBuilder();
        foreach (var c in source.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var text = slug.ToString().Trim('-');
        return text.Length == 0 ? "chart" : text[..Math.Min(text.Length, 60)];
    }
}
