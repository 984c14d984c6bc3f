using Analytics.Notebooks.Ipynb;

namespace Analytics.Notebooks.Running;

/// <summary>A cell after the run: the cell, its number among code cells (null for markdown) and what it showed.</summary>
internal sealed record ExecutedCell(NotebookCell Cell, int? ExecutionCount, IReadOnlyList<CellOutput> Outputs);
