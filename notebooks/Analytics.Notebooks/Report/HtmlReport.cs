using System.Globalization;
using System.Text;
using Analytics.Notebooks.Api;
using Analytics.Notebooks.Ipynb;
using Analytics.Notebooks.Running;

namespace Analytics.Notebooks.Report;

/// <summary>
/// The executed notebook as one self-contained HTML file: prose, tables and charts in cell order, the data's as-of
/// date and parameters on top, and the definitions of every indicator shown at the end.
/// </summary>
/// <remarks>
/// Charts are embedded as static SVG images (data URIs), not as live plotly.js figures: the report stays small (no 4.6
/// MB script per file), opens in mail clients and office systems that block scripts, prints exactly what the PDF shows
/// (no script has to run before printing), and stays vector on paper. Interactivity is the dashboard's job. Code cells
/// are kept, folded, for analysts, and left out of print.
/// </remarks>
internal sealed class HtmlReport
{
    private readonly NotebookDocument _notebook;
    private readonly string _fileName;
    private readonly SnapshotSummary _snapshot;
    private readonly IReadOnlyDictionary<string, string> _parameters;
    private readonly IReadOnlyList<ExecutedCell> _cells;
    private readonly IReadOnlyList<IndicatorDefinition> _definitions;

    public HtmlReport(
        NotebookDocument notebook, string fileName, SnapshotSummary snapshot, IReadOnlyDictionary<string, string> parameters,
        IReadOnlyList<ExecutedCell> cells, IReadOnlyList<IndicatorDefinition> definitions, string? title = null)
    {
        _notebook = notebook;
        _fileName = fileName;
        _snapshot = snapshot;
        _parameters = parameters;
        _cells = cells;
        _definitions = definitions;
        Title = title ?? ResolveTitle();
    }

    /// <summary>The report's title: set by a cell, else <c>metadata.analytics.title</c>, else the first heading, else the file name.</summary>
    public string Title { get; }

    public string ToHtml()
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(Encode(Title)).Append("</title><style>").Append(ReportStyles.Css).Append("</style></head><body>\n");
        AppendHeader(html);
        var skippedTitle = false;
        foreach (var cell in _cells)
        {
            if (cell.Cell.IsMarkdown)
            {
                var source = cell.Cell.Source;
                if (!skippedTitle && FirstHeading(source) is { } heading && (heading == Title || heading == ResolveTitle()))
                {
                    // The header already shows the title; keep the rest of the cell.
                    source = string.Join('\n', source.Split('\n').SkipWhile(l => !l.StartsWith("# ", StringComparison.Ordinal)).Skip(1));
                    skippedTitle = true;
                }

                html.Append(MarkdownLite.ToHtml(source));
            }
            else if (cell.ExecutionCount is { } n)
            {
                AppendCode(html, cell, n);
            }
        }

        AppendDefinitions(html);
        html.Append("<footer class=\"note\"><p>").Append(Encode(_snapshot.AsOfText)).Append(" · ")
            .Append(Encode($"由 analytics notebook run 生成 Generated from {_fileName}"))
            .Append("</p></footer>\n</body></html>\n");
        return html.ToString();
    }

    private void AppendHeader(StringBuilder html)
    {
        html.Append("<header class=\"report\"><h1>").Append(Encode(Title)).Append("</h1>");
        html.Append("<p class=\"meta\">").Append(Encode(_snapshot.AsOfText)).Append("</p>");
        if (_parameters.Count > 0)
        {
            var text = string.Join(" · ", _parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} = {p.Value}"));
            html.Append("<p class=\"meta\">参数 Parameters: ").Append(Encode(text)).Append("</p>");
        }

        html.Append("</header>\n");
    }

    private static void AppendCode(StringBuilder html, ExecutedCell cell, int number)
    {
        html.Append(CultureInfo.InvariantCulture, $"<details class=\"code\"><summary>代码 Code [{number}]</summary><pre><code>")
            .Append(Encode(cell.Cell.Source)).Append("</code></pre></details>\n");
        foreach (var output in cell.Outputs)
        {
            switch (output)
            {
                case StreamOutput s:
                    html.Append("<pre class=\"stream\">").Append(Encode(s.Text)).Append("</pre>\n");
                    break;
                case TextOutput t:
                    html.Append("<p class=\"output\">").Append(Encode(t.Text)).Append("</p>\n");
                    break;
                case HtmlOutput h:
                    html.Append(h.Html).Append('\n');
                    break;
                case ChartOutput c:
                    var svg = Convert.ToBase64String(Encoding.UTF8.GetBytes(c.Image?.Svg ?? ""));
                    html.Append("<figure class=\"chart\"><img alt=\"").Append(Encode(c.Figure.Title))
                        .Append("\" src=\"data:image/svg+xml;base64,").Append(svg).Append("\">")
                        .Append("<figcaption>").Append(Encode($"图 Figure {c.Number}: {c.Figure.Title}")).Append("</figcaption></figure>\n");
                    break;
            }
        }
    }

    private void AppendDefinitions(StringBuilder html)
    {
        if (_definitions.Count == 0)
        {
            return;
        }

        html.Append("<section class=\"definitions\"><h2>附录：指标定义 Appendix: indicator definitions</h2><dl>\n");
        foreach (var d in _definitions)
        {
            html.Append("<dt>").Append(Encode($"{d.NameZh} · {d.NameEn} ({d.Id})")).Append("</dt>")
                .Append("<dd>口径：").Append(Encode(d.DefinitionZh)).Append("</dd>")
                .Append("<dd>Definition: ").Append(Encode(d.DefinitionEn)).Append("</dd>")
                .Append("<dd>单位 Unit: ").Append(Encode(d.Unit)).Append(" · 类型 Kind: ").Append(Encode(d.Kind)).Append("</dd>");
            if (d.TargetText is not null)
            {
                html.Append("<dd>目标 Target: ").Append(Encode(d.TargetText)).Append("</dd>");
            }

            if (!string.IsNullOrWhiteSpace(d.CaveatZh))
            {
                html.Append("<dd>说明：").Append(Encode(d.CaveatZh)).Append("</dd>");
            }

            html.Append('\n');
        }

        html.Append("</dl></section>\n");
    }

    private string ResolveTitle()
    {
        if (_notebook.Metadata["analytics"]?["title"]?.ToString() is { Length: > 0 } title)
        {
            return title;
        }

        return _notebook.Cells.Where(c => c.IsMarkdown).Select(c => FirstHeading(c.Source)).FirstOrDefault(h => h is not null)
            ?? Path.GetFileNameWithoutExtension(_fileName);
    }

    private static string? FirstHeading(string markdown) =>
        markdown.Split('\n').FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal))?[2..].Trim();

    private static string Encode(string text) => Html.Encode(text);
}
