using System.Text.RegularExpressions;
using Analytics.Notebooks.Api;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace Analytics.Notebooks.Running;

/// <summary>Compiles and runs cells as one C# script session, each cell continuing the state of the one before.</summary>
internal sealed partial class CellScripts
{
    private static readonly string[] Imports =
    [
        "System", "System.Collections.Generic", "System.Globalization", "System.Linq", "System.Text",
        "Analytics.Notebooks.Api", "Analytics.Notebooks.Charts",

        // The notebook API, as a notebook's setup cell imports it in a kernel (using static); the run it acts on is the
        // session the runner entered (NotebookSession.Enter).
        "Analytics.Notebooks.Api.Review",
    ];

    private ScriptState<object>? _state;

    /// <summary>
    /// Runs one cell's code. Returns the value of its last expression (null when none); a compile error or an exception
    /// becomes the error text, with the line in the cell where it is known.
    /// </summary>
    public async Task<(object? Value, string? Error, Exception? Exception)> RunAsync(string code, int cellNumber, CancellationToken cancellationToken)
    {
        var options = ScriptOptions.Default
            .WithReferences(typeof(Review).Assembly, typeof(Enumerable).Assembly, typeof(System.Text.Json.JsonSerializer).Assembly)
            .WithImports(Imports)
            .WithFilePath($"cell-{cellNumber}")
            .WithEmitDebugInformation(true)
            .WithFileEncoding(System.Text.Encoding.UTF8)
            .WithOptimizationLevel(OptimizationLevel.Release);
        code = WithoutMagicCommands(code);
        try
        {
            _state = _state is null
                ? await CSharpScript.RunAsync(code, options, cancellationToken: cancellationToken).ConfigureAwait(false)
                : await _state.ContinueWithAsync(code, options, cancellationToken).ConfigureAwait(false);
            return (_state.ReturnValue, null, null);
        }
        catch (CompilationErrorException ex)
        {
            var errors = ex.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)
                .Select(d => $"line {d.Location.GetLineSpan().StartLinePosition.Line + 1}: {d.Id} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");
            return (null, "does not compile: " + string.Join("; ", errors), ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var line = CellLine().Match(ex.StackTrace ?? "") is { Success: true } m ? $" (line {m.Groups[1].Value})" : "";
            return (null, $"{ex.GetType().Name}{line}: {ex.Message}", ex);
        }
    }

    /// <summary>Polyglot Notebooks magic commands (<c>#!csharp</c>, <c>#!about</c>) mean nothing here; they are dropped.</summary>
    private static string WithoutMagicCommands(string code) =>
        string.Join('\n', code.Split('\n').Select(l => l.TrimStart().StartsWith("#!", StringComparison.Ordinal) ? "" : l));

    [GeneratedRegex(@"in cell-\d+:line (\d+)")]
    private static partial Regex CellLine();
}
