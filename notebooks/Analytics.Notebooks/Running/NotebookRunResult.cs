namespace Analytics.Notebooks.Running;

/// <summary>What a successful run wrote.</summary>
/// <param name="OutputFolder">The run's folder.</param>
/// <param name="Notebook">The executed notebook (.ipynb with outputs).</param>
/// <param name="Html">The self-contained HTML report.</param>
/// <param name="Pdf">The PDF brief, when asked for.</param>
/// <param name="Charts">Every chart's SVG and PNG file, in order.</param>
/// <param name="CodeCells">How many code cells ran.</param>
public sealed record NotebookRunResult(
    string OutputFolder,
    string Notebook,
    string Html,
    string? Pdf,
    IReadOnlyList<string> Charts,
    int CodeCells);
