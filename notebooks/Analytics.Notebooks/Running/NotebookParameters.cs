using System.Text.Json.Nodes;
using Analytics.Notebooks.Api;
using Analytics.Notebooks.Ipynb;

namespace Analytics.Notebooks.Running;

/// <summary>
/// The parameters a notebook declares in <c>metadata.analytics.parameters</c> (<c>{"district": {"default": "…",
/// "description": "…"}}</c>) merged with the values given on the command line.
/// </summary>
public static class NotebookParameters
{
    /// <summary>The declared parameters: name → (default or null, description or null).</summary>
    public static IReadOnlyDictionary<string, (string? Default, string? Description)> Declared(NotebookDocument notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var declared = new Dictionary<string, (string?, string?)>(StringComparer.Ordinal);
        if (notebook.Metadata["analytics"]?["parameters"] is JsonObject parameters)
        {
            foreach (var (name, spec) in parameters)
            {
                declared[name] = (spec?["default"]?.ToString(), spec?["description"]?.ToString());
            }
        }

        return declared;
    }

    /// <summary>
    /// The run's values: the given ones over the declared defaults. When the notebook declares parameters, a name it
    /// does not declare is refused (a typo would otherwise run the brief for the default district).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Resolve(NotebookDocument notebook, IReadOnlyDictionary<string, string> given, string origin)
    {
        ArgumentNullException.ThrowIfNull(given);
        var declared = Declared(notebook);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, (defaultValue, _)) in declared)
        {
            if (defaultValue is not null)
            {
                values[name] = defaultValue;
            }
        }

        foreach (var (name, value) in given)
        {
            if (declared.Count > 0 && !declared.ContainsKey(name))
            {
                throw new NotebookParameterException(
                    $"{origin} declares no parameter '{name}'; it declares: {string.Join(", ", declared.Keys)}.");
            }

            values[name] = value;
        }

        return values;
    }

    /// <summary>Parses <c>name=value</c> pairs from the command line.</summary>
    public static IReadOnlyDictionary<string, string> Parse(IEnumerable<string> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new NotebookParameterException($"--param '{pair}' is not name=value (e.g. --param district=500120).");
            }

            values[pair[..eq].Trim()] = pair[(eq + 1)..];
        }

        return values;
    }
}
