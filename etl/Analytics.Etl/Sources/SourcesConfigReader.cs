using System.Text.Json;

namespace Analytics.Etl.Sources;

/// <summary>
/// Reads and validates a sources configuration (JSON; comments and trailing commas allowed). The schema is in
/// <c>Sources/README.md</c> and <c>Sources/sources.schema.json</c>; <c>config/sources.demo.json</c> is an example.
/// </summary>
/// <remarks>
/// Every problem is collected before throwing, each with the file, the JSON path, what is wrong and what to do.
/// Relative folders resolve against the configuration file's folder, after <c>~</c> and <c>${VAR}</c> expansion;
/// variables come from the <c>variables</c> argument first, then from the environment. Folders are not checked
/// for existence here: that is the pull's business, so a configuration can be checked on any machine.
/// </remarks>
public static class SourcesConfigReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly string[] TopLevelProperties = ["$schema", "description", "sources"];

    /// <summary>Reads and validates the configuration file at <paramref name="path"/>.</summary>
    /// <exception cref="SourcesConfigException">The file is missing, unreadable, not JSON, or invalid.</exception>
    public static SourcesConfig Load(string path, IReadOnlyDictionary<string, string>? variables = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        string json;
        try
        {
            json = File.ReadAllText(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var problem = e is FileNotFoundException or DirectoryNotFoundException
                ? "the file does not exist."
                : $"the file cannot be read: {e.Message}";
            throw new SourcesConfigException(
                [new ConfigProblem(full, "$", problem, "Check the path, or start from config/sources.demo.json.")], e);
        }

        return Parse(json, full, variables);
    }

    /// <summary>
    /// Validates configuration text as if read from <paramref name="configFile"/> (used in messages and to resolve
    /// relative folders).
    /// </summary>
    /// <exception cref="SourcesConfigException">The text is not JSON or is invalid.</exception>
    public static SourcesConfig Parse(string json, string configFile, IReadOnlyDictionary<string, string>? variables = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrEmpty(configFile);
        var file = Path.GetFullPath(configFile);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException e)
        {
            var line = e.LineNumber + 1;
            throw new SourcesConfigException(
                [new ConfigProblem(file, e.Path ?? "$", $"the file is not valid JSON at line {line}, byte {e.BytePositionInLine + 1}: {e.Message}",
                    "Fix the syntax (a missing comma or quote is the usual cause).", line)], e);
        }

        using (document)
        {
            var problems = new List<ConfigProblem>();
            var sources = ReadDocument(document.RootElement, file, variables, problems);
            if (problems.Count > 0)
            {
                throw new SourcesConfigException(problems);
            }

            return new SourcesConfig(file, sources);
        }
    }

    private static List<SourceDefinition> ReadDocument(
        JsonElement root, string file, IReadOnlyDictionary<string, string>? variables, List<ConfigProblem> problems)
    {
        var sources = new List<SourceDefinition>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new ConfigProblem(file, "$", $"the document is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object.",
                "Write { \"sources\": [ ... ] }."));
            return sources;
        }

        foreach (var property in root.EnumerateObject())
        {
            if (!TopLevelProperties.Contains(property.Name, StringComparer.Ordinal))
            {
                problems.Add(new ConfigProblem(file, $"$.{property.Name}", $"unknown property '{property.Name}'.",
                    $"Remove it, or use one of: {string.Join(", ", TopLevelProperties)}."));
            }
        }

        if (!root.TryGetProperty("sources", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            problems.Add(new ConfigProblem(file, "$.sources", "'sources' is missing or is not an array.",
                "Add \"sources\": [ { \"name\": ..., \"feed\": ..., \"folder\": ... } ]."));
            return sources;
        }

        if (list.GetArrayLength() == 0)
        {
            problems.Add(new ConfigProblem(file, "$.sources", "'sources' is empty, so there is nothing to pull.",
                "Add at least one source."));
            return sources;
        }

        var reader = new SourceEntryReader(file, Path.GetDirectoryName(file)!, PathVariables.Lookup(variables), problems);
        var index = 0;
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var element in list.EnumerateArray())
        {
            var jsonPath = $"$.sources[{index++}]";
            if (reader.Read(element, jsonPath) is not { } source)
            {
                continue;
            }

            if (seen.TryGetValue(source.Name, out var first))
            {
                problems.Add(new ConfigProblem(file, jsonPath + ".name", $"the name '{source.Name}' is already used by {first}.",
                    "Give every source its own name; the landing index records it."));
                continue;
            }

            seen.Add(source.Name, jsonPath);
            sources.Add(source);
        }

        return sources;
    }
}
