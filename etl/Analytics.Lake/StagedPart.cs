using Analytics.DuckDb;
using Analytics.Etl.Contracts;

namespace Analytics.Lake;

/// <summary>
/// The accepted rows of one feed staged through one connection (a read's thread, or the loading thread): appended to a
/// table of their own and written out as a Parquet part file every <c>partRows</c> rows, the table then made afresh.
/// </summary>
/// <remarks>
/// Why parts, not one staging table per feed: holding a whole feed in the staging database (21 M patent rows) pushed it
/// past its memory limit, so rows were spilled while appending and read back from the spill at the end, and each
/// thread's last commit into the shared table took seconds (14 s for the patents at province scale). A part of a
/// couple of million rows stays in memory, the memory is reused, and no commit merges threads. A withdrawn row is
/// dropped when the parts are read for the lake (<see cref="StagingDatabase.StagedRows"/>). Measured in
/// docs/performance.md.
/// </remarks>
internal sealed class StagedPart : IDisposable
{
    private readonly DuckDbConnection _connection;
    private readonly FeedContract _contract;
    private readonly string _table;
    private readonly string _folder;
    private readonly long _partRows;
    private readonly List<string> _files = [];
    private DuckDbAppender? _appender;
    private long _rowsInTable;
    private bool _closed;

    public StagedPart(DuckDbConnection connection, FeedContract contract, string table, string folder, long partRows)
    {
        _connection = connection;
        _contract = contract;
        _table = table;
        _folder = folder;
        _partRows = Math.Max(1, partRows);
        Execute($"CREATE TABLE {_table} ({StagingDatabase.ColumnDefinitions(contract)})");
    }

    public FeedKind Feed => _contract.Kind;

    /// <summary>Whether <see cref="Close"/> wrote the last rows out; no row may be added after it.</summary>
    public bool IsClosed => _closed;

    /// <summary>The part files written so far, in order.</summary>
    public IReadOnlyList<string> Files => _files;

    /// <summary>Starts the next row (after writing the part out when it is full).</summary>
    public DuckDbAppenderRow CreateRow()
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        if (_rowsInTable == _partRows)
        {
            WritePart();
            Execute($"CREATE TABLE {_table} ({StagingDatabase.ColumnDefinitions(_contract)})");
        }

        _appender ??= _connection.CreateAppender(_table);
        _rowsInTable++;
        return _appender.CreateRow();
    }

    /// <summary>Writes the rows not yet written and drops the table (again: nothing).</summary>
    public void Close()
    {
        if (_closed)
        {
            return;
        }

        if (_rowsInTable > 0)
        {
            WritePart();
        }
        else
        {
            _appender?.Close();
            _appender = null;
            Execute($"DROP TABLE {_table}");
        }

        _closed = true;
    }

    public void Dispose()
    {
        _appender?.Dispose();
        _connection.Dispose();
    }

    private void WritePart()
    {
        _appender?.Close();
        _appender = null;
        Directory.CreateDirectory(_folder);
        var file = Path.Combine(_folder, $"{_table}-{_files.Count:D5}.parquet");
        // Snappy: the part is read once, at the end of the load; zstd's extra work buys nothing here.
        Execute($"COPY {_table} TO '{file.Replace("'", "''", StringComparison.Ordinal)}' (FORMAT parquet, COMPRESSION snappy)");
        Execute($"DROP TABLE {_table}");
        _files.Add(file);
        _rowsInTable = 0;
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand(sql);
        command.ExecuteNonQuery();
    }
}
