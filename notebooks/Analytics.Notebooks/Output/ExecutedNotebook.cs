using System.Text.Json.Nodes;
using Analytics.Notebooks.Ipynb;
using Analytics.Notebooks.Running;

namespace Analytics.Notebooks.Output;

/// <summary>The executed notebook: a copy of the notebook with each code cell's outputs and execution count.</summary>
internal static class ExecutedNotebook
{
    public static NotebookDocument Build(NotebookDocument notebook, IReadOnlyList<ExecutedCell> executed)
    {
        var copy = notebook.Clone();
        for (var i = 0; i < executed.Count; i++)
        {
            if (executed[i].ExecutionCount is { } count)
            {
                copy.Cells[i].SetOutputs(executed[i].Outputs.Select(ToJson), count);
            }
        }

        return copy;
    }

    private static JsonObject ToJson(CellOutput output) => output switch
    {
        StreamOutput s => CellOutputs.Stream(s.Text),
        TextOutput t => CellOutputs.Display(new Dictionary<string, string> { ["text/plain"] = t.Text }),
        HtmlOutput h => CellOutputs.Display(new Dictionary<string, string> { ["text/html"] = h.Html, ["text/plain"] = h.PlainText }),
        ChartOutput c => CellOutputs.Display(new Dictionary<string, string>
        {
            // PNG renders everywhere (Jupyter, VS Code, code hosts); the SVG file sits beside the notebook in charts/.
            ["image/png"] = Convert.ToBase64String(c.Image?.Png ?? []),
            ["text/plain"] = $"{c.Figure.Title} (charts/{c.FileStem}.svg)",
        }),
        _ => throw new InvalidOperationException($"Unknown output {output.GetType().Name}."),
    };
}
