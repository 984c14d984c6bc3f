namespace Analytics.Notebooks.Running;

/// <summary>
/// A cell failed — it did not compile, or it threw. The run stops there and writes nothing; the message names the
/// notebook, the cell's number (its position among all cells, from 1, as an editor shows them) and the error.
/// </summary>
public sealed class NotebookCellException : Exception
{
    /// <summary>Creates the exception for cell <paramref name="cellNumber"/> of <paramref name="notebook"/>.</summary>
    public NotebookCellException(string notebook, int cellNumber, int codeCellNumber, string error, Exception? innerException = null)
        : base($"{notebook}: cell {cellNumber} (code cell {codeCellNumber}) failed: {error}", innerException)
    {
        Notebook = notebook;
        CellNumber = cellNumber;
        CodeCellNumber = codeCellNumber;
        Error = error;
    }

    /// <summary>Creates the exception.</summary>
    public NotebookCellException()
        : this("notebook", 0, 0, "unknown error")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public NotebookCellException(string message)
        : this("notebook", 0, 0, message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public NotebookCellException(string message, Exception innerException)
        : this("notebook", 0, 0, message, innerException)
    {
    }

    /// <summary>The notebook file.</summary>
    public string Notebook { get; }

    /// <summary>The failing cell's position among all cells, from 1.</summary>
    public int CellNumber { get; }

    /// <summary>The failing cell's position among the code cells, from 1.</summary>
    public int CodeCellNumber { get; }

    /// <summary>The compiler's diagnostics or the exception's type and message, with the line in the cell where known.</summary>
    public string Error { get; }
}
