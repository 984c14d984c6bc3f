using System.Text.Json.Nodes;

namespace Analytics.Notebooks.Ipynb;

/// <summary>
/// The metadata .NET Interactive (Polyglot Notebooks) writes for C# notebooks, so our notebooks open in VS Code with the
/// C# kernel and code hosts highlight the cells as C#.
/// </summary>
public static class KernelMetadata
{
    /// <summary>The notebook-level <c>metadata</c>: kernelspec, language_info, polyglot_notebook.</summary>
    public static JsonObject Notebook() => new()
    {
        ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
        ["language_info"] = new JsonObject
        {
            ["file_extension"] = ".cs",
            ["mimetype"] = "text/x-csharp",
            ["name"] = "C#",
            ["pygments_lexer"] = "csharp",
            ["version"] = "13.0",
        },
        ["polyglot_notebook"] = new JsonObject
        {
            ["kernelInfo"] = new JsonObject
            {
                ["defaultKernelName"] = "csharp",
                ["items"] = new JsonArray(new JsonObject { ["aliases"] = new JsonArray(), ["languageName"] = "csharp", ["name"] = "csharp" }),
            },
        },
    };

    /// <summary>A C# code cell's <c>metadata</c>.</summary>
    public static JsonObject Cell() => new()
    {
        ["dotnet_interactive"] = new JsonObject { ["language"] = "csharp" },
        ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" },
    };
}
