using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Analytics.Notebooks.Ipynb;

/// <summary>
/// A Jupyter notebook (nbformat 4) as read from and written to an <c>.ipynb</c> file. Unknown members of the notebook
/// and of each cell are kept as they were, so a round trip changes only what the runner sets (outputs, counts).
/// </summary>
public sealed class NotebookDocument
{
    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly JsonObject _root;

    private NotebookDocument(JsonObject root, List<NotebookCell> cells)
    {
        _root = root;
        Cells = cells;
    }

    /// <summary>The cells in notebook order.</summary>
    public IReadOnlyList<NotebookCell> Cells { get; }

    /// <summary>The notebook's <c>metadata</c> object (kernel, language and the project's <c>analytics</c> member).</summary>
    public JsonObject Metadata => _root["metadata"] as JsonObject ?? (JsonObject)(_root["metadata"] = new JsonObject());

    /// <summary>Reads a notebook file; a file that is not an nbformat-4 notebook is an <see cref="InvalidDataException"/> naming it.</summary>
    public static NotebookDocument Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Parse(File.ReadAllText(path, Encoding.UTF8), path);
    }

    /// <summary>Parses notebook JSON; <paramref name="origin"/> names it in error messages.</summary>
    public static NotebookDocument Parse(string json, string origin = "notebook")
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"'{origin}' is not valid JSON ({ex.Message}); an .ipynb notebook is a JSON document.", ex);
        }

        if (node is not JsonObject root || root["cells"] is not JsonArray cells)
        {
            throw new InvalidDataException($"'{origin}' is not a Jupyter notebook: it has no 'cells' array.");
        }

        var major = root["nbformat"]?.GetValue<int>() ?? 4;
        if (major != 4)
        {
            throw new InvalidDataException($"'{origin}' is nbformat {major}; only nbformat 4 notebooks can be run (open and save it in Jupyter to convert).");
        }

        var list = new List<NotebookCell>(cells.Count);
        for (var i = 0; i < cells.Count; i++)
        {
            list.Add(cells[i] is JsonObject cell
                ? new NotebookCell(cell)
                : throw new InvalidDataException($"'{origin}': cell {i + 1} is not a JSON object."));
        }

        return new NotebookDocument(root, list);
    }

    /// <summary>A new, empty notebook with the .NET Interactive C# kernel metadata (see <see cref="KernelMetadata"/>).</summary>
    public static NotebookDocument Create()
    {
        var root = new JsonObject
        {
            ["cells"] = new JsonArray(),
            ["metadata"] = KernelMetadata.Notebook(),
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        return new NotebookDocument(root, []);
    }

    /// <summary>Appends a cell.</summary>
    public NotebookCell Add(NotebookCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ((JsonArray)_root["cells"]!).Add(cell.Json);
        ((List<NotebookCell>)Cells).Add(cell);
        return cell;
    }

    /// <summary>A deep copy (the runner writes outputs into a copy, never into the notebook it read).</summary>
    public NotebookDocument Clone() => Parse(ToJson());

    /// <summary>The notebook as indented JSON (UTF-8 text without escaping Chinese), ending with a newline.</summary>
    public string ToJson() => _root.ToJsonString(WriteOptions) + "\n";

    /// <summary>Writes the notebook to <paramref name="path"/>.</summary>
    public void Save(string path) => File.WriteAllText(path, ToJson(), new UTF8Encoding(false));
}
