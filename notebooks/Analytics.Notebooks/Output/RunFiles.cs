using Analytics.Notebooks.Ipynb;
using Analytics.Notebooks.Running;

namespace Analytics.Notebooks.Output;

/// <summary>Everything a successful run writes, held in memory until every cell has succeeded.</summary>
internal sealed record RunFiles(string Stem, NotebookDocument Notebook, string Html, byte[]? Pdf, IReadOnlyList<ExecutedCell> Cells);
