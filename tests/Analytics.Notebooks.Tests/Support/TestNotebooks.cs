using System.Text.Json.Nodes;
using Analytics.Notebooks.Ipynb;

namespace Analytics.Notebooks.Tests.Support;

/// <summary>Writes small notebooks for tests.</summary>
internal static class TestNotebooks
{
    public static string Write(string folder, string name, params string[] codeCells) => Write(folder, name, null, codeCells);

    /// <summary>A notebook with a markdown title and the given code cells; <paramref name="parameters"/> declares parameters with defaults.</summary>
    public static string Write(string folder, string name, IReadOnlyDictionary<string, string?>? parameters, params string[] codeCells)
    {
        var notebook = NotebookDocument.Create();
        notebook.Add(NotebookCell.Markdown("# 测试笔记本 Test notebook\n\nProse."));
        foreach (var code in codeCells)
        {
            notebook.Add(NotebookCell.Code(code));
        }

        if (parameters is not null)
        {
            var declared = new JsonObject();
            foreach (var (key, value) in parameters)
            {
                declared[key] = new JsonObject { ["default"] = value, ["description"] = "test" };
            }

            notebook.Metadata["analytics"] = new JsonObject { ["parameters"] = declared };
        }

        var path = Path.Combine(folder, name + ".ipynb");
        notebook.Save(path);
        return path;
    }
}
