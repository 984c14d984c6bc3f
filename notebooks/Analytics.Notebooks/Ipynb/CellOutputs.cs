using System.Text.Json.Nodes;

namespace Analytics.Notebooks.Ipynb;

/// <summary>Builds nbformat-4 output objects (stream, display_data, execute_result, error).</summary>
public static class CellOutputs
{
    /// <summary>Text written to standard output.</summary>
    public static JsonObject Stream(string text) => new()
    {
        ["name"] = "stdout",
        ["output_type"] = "stream",
        ["text"] = NotebookCell.Lines(text),
    };

    /// <summary>A rich display: one entry per MIME type (text/html, image/png as base64, image/svg+xml, text/plain).</summary>
    public static JsonObject Display(IReadOnlyDictionary<string, string> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var bundle = new JsonObject();
        foreach (var (mime, value) in data)
        {
            // Images travel as one base64 string; text types as lines (as Jupyter writes them).
            bundle[mime] = mime.StartsWith("image/png", StringComparison.Ordinal) ? value : NotebookCell.Lines(value);
        }

        return new JsonObject { ["data"] = bundle, ["metadata"] = new JsonObject(), ["output_type"] = "display_data" };
    }

    /// <summary>An error output (a failed cell in a notebook that was saved anyway).</summary>
    public static JsonObject Error(string name, string message) => new()
    {
        ["ename"] = name,
        ["evalue"] = message,
        ["output_type"] = "error",
        ["traceback"] = new JsonArray(message),
    };
}
