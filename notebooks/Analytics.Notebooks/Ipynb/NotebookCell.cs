using System.Text.Json.Nodes;

namespace Analytics.Notebooks.Ipynb;

/// <summary>One cell of a notebook: its type, source and (for code cells) outputs, over the cell's JSON.</summary>
public sealed class NotebookCell
{
    internal NotebookCell(JsonObject json) => Json = json;

    internal JsonObject Json { get; }

    /// <summary><c>code</c>, <c>markdown</c> or <c>raw</c>.</summary>
    public string CellType => Json["cell_type"]?.GetValue<string>() ?? "raw";

    /// <summary>True for a code cell.</summary>
    public bool IsCode => CellType == "code";

    /// <summary>
    /// True for the setup cell (<c>"metadata": {"analytics": {"setup": true}}</c>): the code cell that loads the notebook
    /// API into a .NET Interactive kernel (<c>#r</c> of Analytics.Notebooks.dll, <c>using static …Review</c>, <c>Open()</c>).
    /// The runner skips it; it has no outputs and no place in the report.
    /// </summary>
    public bool IsSetup => IsCode && Json["metadata"]?["analytics"]?["setup"] is JsonValue v && v.TryGetValue<bool>(out var setup) && setup;

    /// <summary>True for a markdown cell.</summary>
    public bool IsMarkdown => CellType == "markdown";

    /// <summary>The cell's source text (nbformat allows a string or a list of lines; both read the same).</summary>
    public string Source => Json["source"] switch
    {
        JsonArray lines => string.Concat(lines.Select(l => l?.GetValue<string>() ?? "")),
        JsonValue text => text.GetValue<string>(),
        _ => "",
    };

    /// <summary>The cell's outputs (code cells).</summary>
    public JsonArray Outputs => Json["outputs"] as JsonArray ?? (JsonArray)(Json["outputs"] = new JsonArray());

    /// <summary>A markdown cell.</summary>
    public static NotebookCell Markdown(string source) => new(new JsonObject
    {
        ["cell_type"] = "markdown",
        ["id"] = NewId(),
        ["metadata"] = new JsonObject(),
        ["source"] = Lines(source),
    });

    /// <summary>A C# code cell without outputs, with the .NET Interactive cell metadata.</summary>
    public static NotebookCell Code(string source) => new(new JsonObject
    {
        ["cell_type"] = "code",
        ["execution_count"] = null,
        ["id"] = NewId(),
        ["metadata"] = KernelMetadata.Cell(),
        ["outputs"] = new JsonArray(),
        ["source"] = Lines(source),
    });

    /// <summary>The setup cell a notebook starts with so it runs in Polyglot Notebooks (see <see cref="IsSetup"/>).</summary>
    public static NotebookCell Setup(string source)
    {
        var cell = Code(source);
        ((JsonObject)cell.Json["metadata"]!)["analytics"] = new JsonObject { ["setup"] = true };
        return cell;
    }

    /// <summary>Replaces the outputs and sets the execution count.</summary>
    public void SetOutputs(IEnumerable<JsonObject> outputs, int? executionCount)
    {
        var array = new JsonArray();
        foreach (var output in outputs)
        {
            array.Add(output);
        }

        Json["outputs"] = array;
        Json["execution_count"] = executionCount;
    }

    /// <summary>Clears outputs and execution count (how notebooks are committed).</summary>
    public void ClearOutputs()
    {
        if (IsCode)
        {
            SetOutputs([], null);
        }
    }

    /// <summary>nbformat 4.5 requires a cell id: 1–64 letters, digits, '-' or '_'.</summary>
    private static string NewId() => Guid.NewGuid().ToString("N")[..12];

    /// <summary>Text as nbformat's list of lines, each but the last keeping its newline.</summary>
    internal static JsonArray Lines(string text)
    {
        var array = new JsonArray();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                array.Add(text[start..]);
                break;
            }

            array.Add(text[start..(end + 1)]);
            start = end + 1;
        }

        return array;
    }
}
