namespace Analytics.Etl.Reading;

/// <summary>
/// Streams the rows of one file, section by section (a CSV or JSON Lines file is one section; a workbook has one per
/// sheet with a header). Header and title rows are consumed here; every row after the header is delivered, blank ones
/// included, so the loader can account for each.
/// </summary>
internal abstract class SourceReader : IDisposable
{
    protected SourceReader(string filePath) => FilePath = filePath;

    /// <summary>The file.</summary>
    public string FilePath { get; }

    /// <summary>How the bytes were decoded, for the load result.</summary>
    public abstract string EncodingName { get; }

    /// <summary>The current section's column map.</summary>
    public ColumnMap Map { get; protected set; } = null!;

    /// <summary>True when the reader delivers fields in source order (CSV, XLSX); false when in contract order (JSON Lines).</summary>
    public abstract bool HasHeader { get; }

    /// <summary>The current section's sheet name, for workbooks.</summary>
    public virtual string? SectionName => null;

    /// <summary>True when the file has exactly one section (CSV, JSON Lines), so rows can be read ahead on another thread.</summary>
    public virtual bool SingleSection => true;

    /// <summary>
    /// When true, each row keeps its own copy of its raw text instead of pointing into the reader's buffer (needed
    /// when rows are read ahead in batches).
    /// </summary>
    public bool CopiesRaw { get; set; }

    /// <summary>
    /// When set, the rows it turns down (by sheet index and row number) may come back with no fields and no raw text:
    /// a read-back of a few rows need not parse the others. Rows are still counted and numbered as usual.
    /// </summary>
    public Func<int, long, bool>? RowFilter { get; set; }

    /// <summary>Warnings about the file's shape (unknown columns, skipped sheets).</summary>
    public List<string> Warnings { get; } = [];

    /// <summary>Moves to the next section; false when there is none.</summary>
    public abstract bool NextSection();

    /// <summary>Reads the next row of the section into <paramref name="row"/>; false at the section's end.</summary>
    public abstract bool Read(SourceRow row);

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the file.</summary>
    protected abstract void Dispose(bool disposing);
}
