using System.Globalization;
using System.Text;
using Analytics.Notebooks.Api;
using Analytics.Snapshots.Formatting;

namespace Analytics.Notebooks.Report;

/// <summary>A <see cref="DataFrame"/> as an HTML table (for the notebook and the report) and as aligned plain text.</summary>
internal sealed class HtmlTable
{
    private readonly DataFrame _frame;
    private readonly string? _caption;
    private readonly int _maxRows;
    private readonly IReadOnlyDictionary<string, string> _formats;

    public HtmlTable(DataFrame frame, string? caption, int maxRows, IReadOnlyDictionary<string, string> formats)
    {
        _frame = frame;
        _caption = caption;
        _maxRows = Math.Max(1, maxRows);
        _formats = formats;
    }

    private int Shown => Math.Min(_frame.Count, _maxRows);

    public string ToHtml()
    {
        var html = new StringBuilder("<table class=\"data\">");
        if (_caption is not null)
        {
            html.Append("<caption>").Append(Encode(_caption)).Append("</caption>");
        }

        html.Append("<thead><tr>");
        foreach (var column in _frame.Columns)
        {
            html.Append("<th>").Append(Encode(column)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        for (var r = 0; r < Shown; r++)
        {
            html.Append("<tr>");
            for (var c = 0; c < _frame.Columns.Count; c++)
            {
                var value = _frame.RowValues[r][c];
                html.Append(IsNumber(value) ? "<td class=\"num\">" : "<td>").Append(Encode(Format(c, value))).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table>");
        if (_frame.Count > Shown)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">前 {Shown} 行，共 {_frame.Count} 行 · first {Shown} of {_frame.Count} rows</p>");
        }
        else if (_frame.Count == 0)
        {
            html.Append("<p class=\"note\">（无数据 no rows）</p>");
        }

        return html.ToString();
    }

    public string ToText()
    {
        var cells = new List<string[]> { _frame.Columns.ToArray() };
        for (var r = 0; r < Shown; r++)
        {
            cells.Add(Enumerable.Range(0, _frame.Columns.Count).Select(c => Format(c, _frame.RowValues[r][c])).ToArray());
        }

        var widths = Enumerable.Range(0, _frame.Columns.Count).Select(c => cells.Max(row => row[c].Length)).ToArray();
        var text = new StringBuilder();
        if (_caption is not null)
        {
            text.AppendLine(_caption);
        }

        foreach (var row in cells)
        {
            text.AppendLine(string.Join("  ", row.Select((v, c) => v.PadRight(widths[c]))).TrimEnd());
        }

        if (_frame.Count > Shown)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"… first {Shown} of {_frame.Count} rows");
        }

        return text.ToString();
    }

    private string Format(int column, object? value)
    {
        if (value is null)
        {
            return "—";
        }

        if (_formats.TryGetValue(_frame.Columns[column], out var format) && value is IFormattable formattable)
        {
            return formattable.ToString(format, CultureInfo.InvariantCulture);
        }

        return value switch
        {
            bool b => b ? "是 yes" : "否 no",
            double d => d.ToString("#,##0.###", CultureInfo.InvariantCulture),
            float f => f.ToString("#,##0.###", CultureInfo.InvariantCulture),
            decimal m => m.ToString("#,##0.###", CultureInfo.InvariantCulture),
            _ => ValueText.FormatOrNull(value) ?? "",
        };
    }

    private static bool IsNumber(object? value) => value is int or long or short or byte or double or float or decimal;

    private static string Encode(string text) => Html.Encode(text);
}
