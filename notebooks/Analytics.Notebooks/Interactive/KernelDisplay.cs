using System.Net;
using System.Reflection;
using Analytics.Notebooks.Running;

namespace Analytics.Notebooks.Interactive;

/// <summary>
/// Shows an output in the .NET Interactive kernel the cell runs in (Polyglot Notebooks): HTML for tables and charts,
/// plain text otherwise. The kernel is found at run time — <c>KernelInvocationContext.Current</c> and
/// <c>KernelInvocationContextExtensions.DisplayAs(context, value, mimeType)</c> of the Microsoft.DotNet.Interactive
/// assembly the kernel has loaded — so this library does not depend on the kernel's (beta) packages and the headless
/// runner never loads them. Outside a kernel (no command being handled) the text goes to the console.
/// </summary>
internal static class KernelDisplay
{
    private const string TableStyle = """
        <style>
        table.data { border-collapse: collapse; margin: .4rem 0; font-size: .85rem; }
        table.data caption { text-align: left; font-weight: 600; padding-bottom: .3rem; }
        table.data th, table.data td { border: 1px solid #d9dde3; padding: .2rem .5rem; vertical-align: top; }
        table.data td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        </style>
        """;

    /// <summary>A table's HTML with its style, which applies to the output's own tables only.</summary>
    public static string TableHtml(string tableHtml) => TableStyle + tableHtml;

    /// <summary>A drawn chart as HTML: the SVG inline (vector, no script to run), with the figure's title as caption.</summary>
    public static string ChartHtml(ChartOutput chart) =>
        $"<figure class=\"analytics-chart\" style=\"margin:.4rem 0;max-width:{chart.Figure.Width}px\">{chart.Image?.Svg}" +
        $"<figcaption style=\"font-size:.8rem;color:#5f6368\">{WebUtility.HtmlEncode($"图 Figure {chart.Number}: {chart.Figure.Title}")}</figcaption></figure>";

    /// <summary>Shows <paramref name="html"/> (when given) or <paramref name="text"/> in the kernel, else writes the text to the console.</summary>
    public static void Show(string? html, string text)
    {
        if (Kernel() is ({ } context, { } displayAs))
        {
            displayAs.Invoke(null, html is null ? [context, text, "text/plain"] : [context, html, "text/html"]);
        }
        else
        {
            Console.WriteLine(text);
        }
    }

    /// <summary>The kernel's current invocation context and its <c>DisplayAs</c>, when a kernel command is being handled on this flow.</summary>
    private static (object? Context, MethodInfo? DisplayAs) Kernel()
    {
        var assembly = AppDomain.CurrentDomain.GetAssemblies()
            .FirstOrDefault(a => a.GetName().Name == "Microsoft.DotNet.Interactive" && !a.IsDynamic);
        var contextType = assembly?.GetType("Microsoft.DotNet.Interactive.KernelInvocationContext");
        if (contextType?.GetProperty("Current", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) is not { } context)
        {
            return (null, null);
        }

        var displayAs = assembly!.GetType("Microsoft.DotNet.Interactive.KernelInvocationContextExtensions")?
            .GetMethod("DisplayAs", BindingFlags.Public | BindingFlags.Static, [contextType, typeof(string), typeof(string)]);
        return (context, displayAs);
    }
}
