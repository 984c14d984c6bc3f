using System.Reflection;
using Analytics.Notebooks.Charts;
using Analytics.Notebooks.Interactive;
using Analytics.Notebooks.Report;
using Analytics.Notebooks.Running;
using Analytics.Snapshots.Formatting;

namespace Analytics.Notebooks.Api;

/// <summary>
/// The notebook API: what every C# cell can call without qualification — query the snapshot (<see cref="Sql"/>), read
/// parameters (<see cref="Param(string)"/>), look up indicators (<see cref="Indicator"/>), and show values, tables and
/// charts (<see cref="Display"/>, <see cref="Table"/>, <see cref="Chart"/>). One implementation for both places a
/// notebook runs: the headless runner imports it into its script session (<c>using static</c>) for the run it is
/// executing; a .NET Interactive kernel (Polyglot Notebooks) imports it in the notebook's setup cell and calls
/// <see cref="Open"/>, after which what a cell shows becomes the kernel's display output.
/// </summary>
public static class Review
{
    /// <summary>
    /// Opens a snapshot for the cells that follow in a .NET Interactive kernel (or any other host): the notebook's setup
    /// cell calls it. <paramref name="snapshot"/> is a <c>.duckdb</c> file or a snapshot folder with <c>current.json</c>;
    /// by default <c>$ANALYTICS_SNAPSHOT</c>, else <c>data/demo/snapshots</c> of the repository above the current folder
    /// or above this assembly. <paramref name="parameters"/> (an anonymous object or a dictionary) are what the runner's
    /// <c>--param name=value</c> gives. A snapshot opened before is closed. The headless runner never calls it.
    /// </summary>
    /// <returns>The snapshot opened: file, name, build time and the data's as-of date.</returns>
    public static SnapshotSummary Open(string? snapshot = null, object? parameters = null)
    {
        var values = ParameterBag(parameters).ToDictionary(p => p.Key, p => ValueText.FormatOrNull(p.Value) ?? "", StringComparer.Ordinal);
        return KernelSession.Open(snapshot ?? KernelSession.DefaultSnapshot(), values).Session.Snapshot.Summary;
    }

    /// <summary>Closes the snapshot <see cref="Open"/> opened and the browser that drew its charts, if any.</summary>
    public static void Close() => KernelSession.Close();

    /// <summary>The run a cell belongs to: the runner's run in progress, else the snapshot <see cref="Open"/> opened.</summary>
    private static NotebookSession Session => NotebookSession.Current;

    /// <summary>The snapshot being read: file, name, build time and the data's as-of date.</summary>
    public static SnapshotSummary Snapshot => Session.Snapshot.Summary;

    /// <summary>The run's parameters (<c>--param name=value</c>, else the notebook's declared defaults).</summary>
    public static IReadOnlyDictionary<string, string> Parameters => Session.Parameters;

    /// <summary>
    /// Runs read-only SQL against the snapshot. Parameters are named <c>$name</c> in the query and given as an
    /// anonymous object or a dictionary: <c>Sql("… WHERE plan = $plan", new { plan = "CQ2013" })</c>.
    /// </summary>
    public static DataFrame Sql(string query, object? parameters = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        return Session.Snapshot.Query(query, ParameterBag(parameters));
    }

    /// <summary>The parameter <paramref name="name"/>; missing without a default, it fails the cell saying how to pass it.</summary>
    public static string Param(string name) => Session.Parameters.TryGetValue(name, out var value)
        ? value
        : throw new NotebookParameterException(
            $"The notebook parameter '{name}' was not given and the notebook declares no default: run it with --param {name}=<value> (in a kernel: Open(parameters: new {{ {name} = \"…\" }})).");

    /// <summary>The parameter <paramref name="name"/>, or <paramref name="defaultValue"/> when not given.</summary>
    public static string Param(string name, string defaultValue) => Session.Parameters.TryGetValue(name, out var value) ? value : defaultValue;

    /// <summary>The catalog's definition of an indicator; its definition is listed in the report's appendix.</summary>
    public static IndicatorDefinition Indicator(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var definition = Session.Snapshot.Definitions([id]).SingleOrDefault()
            ?? throw new KeyNotFoundException($"The indicator '{id}' is not in indicator_catalog of the snapshot '{Snapshot.Path}'.");
        Session.MarkShown(id);
        return definition;
    }

    /// <summary>Shows a value: a <see cref="DataFrame"/> as a table, a <see cref="Figure"/> as a chart, anything else as text.</summary>
    public static void Display(object? value)
    {
        switch (value)
        {
            case DataFrame frame:
                Table(frame);
                break;
            case Figure figure:
                Chart(figure);
                break;
            default:
                Session.Add(new TextOutput(ValueText.FormatOrNull(value) ?? "null"));
                break;
        }
    }

    /// <summary>
    /// Shows a table (at most <paramref name="maxRows"/> rows); <paramref name="formats"/> give .NET formats per column,
    /// e.g. <c>("value", "P1")</c>. A column <c>indicator_id</c> puts those indicators' definitions into the report.
    /// </summary>
    public static void Table(DataFrame frame, string? caption = null, int maxRows = 200, params (string Column, string Format)[] formats)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Has("indicator_id"))
        {
            foreach (var id in frame.Distinct("indicator_id"))
            {
                Session.MarkShown(id);
            }
        }

        var table = new HtmlTable(frame, caption, maxRows, formats.ToDictionary(f => f.Column, f => f.Format, StringComparer.OrdinalIgnoreCase));
        Session.Add(new HtmlOutput(table.ToHtml(), table.ToText()));
    }

    /// <summary>Sets the report's title (e.g. to name the district of a brief); the notebook's title is the default.</summary>
    public static void SetTitle(string title)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        Session.Title = title;
    }

    /// <summary>Shows a chart; it is drawn by headless Chromium and exported as SVG and PNG.</summary>
    public static void Chart(Figure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        Session.AddChart(figure);
    }

    /// <summary>A series of chart points from a frame's columns (x, y and optionally the confidence interval).</summary>
    public static ChartSeries Series(DataFrame frame, string name, string x = "year", string y = "value", string? low = null, string? high = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return new ChartSeries(name, Points(frame, x, y, low, high));
    }

    /// <summary>Chart points from a frame's columns; x keeps integers as integers (years) and everything else as text.</summary>
    public static IReadOnlyList<ChartPoint> Points(DataFrame frame, string x = "year", string y = "value", string? low = null, string? high = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var ys = frame.Numbers(y);
        var lows = low is null ? null : frame.Numbers(low);
        var highs = high is null ? null : frame.Numbers(high);
        var xi = frame.Ordinal(x);
        return Enumerable.Range(0, frame.Count).Select(i => new ChartPoint(
            frame.RowValues[i][xi] switch
            {
                int v => v,
                long v => v,
                short v => (int)v,
                var other => ValueText.FormatOrNull(other) ?? "",
            },
            ys[i], lows?[i], highs?[i])).ToList();
    }

    internal static Dictionary<string, object?> ParameterBag(object? parameters)
    {
        var bag = new Dictionary<string, object?>(StringComparer.Ordinal);
        switch (parameters)
        {
            case null:
                break;
            case IEnumerable<KeyValuePair<string, object?>> pairs:
                foreach (var (k, v) in pairs)
                {
                    bag[k] = v;
                }

                break;
            case IEnumerable<KeyValuePair<string, string>> texts:
                foreach (var (k, v) in texts)
                {
                    bag[k] = v;
                }

                break;
            default:
                foreach (var property in parameters.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    bag[property.Name] = property.GetValue(parameters);
                }

                break;
        }

        return bag;
    }
}
