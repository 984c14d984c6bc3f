using Analytics.DuckDb;
using Analytics.Etl.Contracts;
using Analytics.Etl.Sources;

namespace Analytics.Lake;

/// <summary>
/// The in-memory DuckDB a load stages into: each feed's accepted rows as Parquet parts (<see cref="StagedPart"/>: one
/// per connection that appends them: its contract's columns, its file's number, source row and staging sequence number) and a
/// quarantine table, then read back, less the withdrawn rows, and written out as the lake's Parquet. Spills to the
/// staging folder when large.
/// </summary>
internal sealed class StagingDatabase : IDisposable
{
    private readonly Dictionary<FeedKind, StagedPart> _mainParts = [];
    private readonly List<FeedKind> _feeds = [];
    private readonly List<StagedPart> _parts = [];
    private readonly Dictionary<FeedKind, long> _sequences = [];
    private readonly Dictionary<FeedKind, List<long>> _withdrawn = [];
    private readonly HashSet<FeedKind> _withdrawnTables = [];
    private readonly List<StagingThread> _threads = [];
    private readonly Dictionary<LoadInput, int> _files = [];
    private readonly Lock _gate = new();
    private readonly string _partsFolder;
    private readonly long _partRows;
    private DuckDbAppender? _quarantine;
    private long _serials;
    private int _partSerials;

    public StagingDatabase(string spillFolder, string partsFolder, string memoryLimit, int threads, long partRows)
    {
        _partsFolder = partsFolder;
        _partRows = partRows;
        // Built with the builder so a spill folder holding ';', '=' or quotes (the lake's path) stays one value.
        var settings = new DuckDbConnectionStringBuilder { DataSource = DuckDbConnectionStringBuilder.InMemory, MemoryLimit = memoryLimit, Threads = threads };
        settings["temp_directory"] = spillFolder;
        settings["preserve_insertion_order"] = "false";
        Connection = new DuckDbConnection(settings.ConnectionString);
        Connection.Open();
        Execute($"CREATE TABLE quarantine ({string.Join(", ", LakeSchema.Quarantine.Select(c => $"{c.Name} {c.Type}"))})");
    }

    public DuckDbConnection Connection { get; }

    /// <summary>The staged part of a feed's accepted rows appended by the loading thread (made on first use).</summary>
    public StagedPart Accepted(FeedContract contract)
    {
        if (!_mainParts.TryGetValue(contract.Kind, out var part) || part.IsClosed)
        {
            part = OpenPart(contract);
            _mainParts[contract.Kind] = part;
        }

        return part;
    }

    /// <summary>Writes out the loading thread's last rows of a feed (its file is read); the next file's rows start a new part.</summary>
    public void CloseMainPart(FeedKind feed)
    {
        if (_mainParts.TryGetValue(feed, out var part))
        {
            part.Close();
        }
    }

    /// <summary>
    /// A new staged part for a feed's accepted rows, through a connection of its own (a connection serves one thread,
    /// and its appender's transaction must not hold the statements that write the part out). Any thread may call it.
    /// </summary>
    public StagedPart OpenPart(FeedContract contract)
    {
        lock (_gate)
        {
            if (!_feeds.Contains(contract.Kind))
            {
                _feeds.Add(contract.Kind);
            }

            var folder = Path.Combine(_partsFolder, "feed=" + contract.Kind.ToName());
            var part = new StagedPart(Connection.OpenSibling(), contract, $"part_{++_partSerials}", folder, _partRows);
            _parts.Add(part);
            return part;
        }
    }

    /// <summary>
    /// The staging of one thread of a parallel read of one file (or of a file read beside others): its own connection
    /// for its quarantined rows (open until <see cref="CloseStaging"/>) and its own staged parts (written out when the file
    /// is read, <see cref="StagingThread.CloseParts"/>). Any thread may call it
    /// (files read whole are read several at a time, <see cref="FileSchedule"/>) while the loading thread's own
    /// connection is idle.
    /// </summary>
    public StagingThread OpenThread()
    {
        lock (_gate)
        {
            var thread = new StagingThread(Connection.OpenSibling(), this);
            _threads.Add(thread);
            return thread;
        }
    }

    /// <summary>
    /// A fresh range of staging sequence numbers for one thread's rows of one file: 2^40 numbers from (serial × 2^40),
    /// above every number <see cref="NextSequence"/> hands out.
    /// </summary>
    public long NextRangeStart() => Interlocked.Increment(ref _serials) << 40;

    /// <summary>
    /// The number a file's staged rows carry instead of its name and sha256 (<see cref="StagedRows"/> joins them
    /// back): about 90 bytes a row less through every copy of the staging, a third of a patent row's text and more
    /// than half of an R&amp;D row's. Any thread may call it.
    /// </summary>
    public int FileId(LoadInput input)
    {
        lock (_gate)
        {
            if (!_files.TryGetValue(input, out var id))
            {
                id = _files.Count + 1;
                _files[input] = id;
            }

            return id;
        }
    }

    /// <summary>
    /// The columns a feed's rows are staged with: the contract's (a list field as text joined by U+001F, since the
    /// appender writes scalars; split again by <see cref="ExportColumns"/>), the derived ones likewise (NULL entries as
    /// empty texts), the notes, the file's number (<see cref="FileId"/>), the source row and the staging sequence number.
    /// </summary>
    public static IReadOnlyList<LakeColumn> StagedColumns(FeedContract contract) => contract.Fields
        .Select(f => new LakeColumn(f.Name, f.Type == FieldType.TextList ? "VARCHAR" : f.DuckDbType))
        .Concat(LakeSchema.Derived(contract.Kind).Select(c => new LakeColumn(c.Name, "VARCHAR")))
        .Append(new("notes", "VARCHAR")).Append(new("file_id", "INTEGER"))
        .Append(new("source_row", "BIGINT")).Append(new("stage_seq", "BIGINT")).ToList();

    /// <summary>The staged columns as a CREATE TABLE's column list.</summary>
    public static string ColumnDefinitions(FeedContract contract) =>
        string.Join(", ", StagedColumns(contract).Select(c => $"{DuckDbConnection.QuoteIdentifier(c.Name)} {c.Type}"));

    /// <summary>The staging sequence number of the next row appended for a feed (0, 1, 2, … in append order).</summary>
    public long NextSequence(FeedKind feed)
    {
        var next = _sequences.GetValueOrDefault(feed);
        _sequences[feed] = next + 1;
        return next;
    }

    /// <summary>The sequence number the next appended row of a feed will get, without taking it.</summary>
    public long NextSequencePeek(FeedKind feed) => _sequences.GetValueOrDefault(feed);

    /// <summary>Marks a staged row for deletion (a duplicate key found conflicting after the row was accepted). Any thread may call it.</summary>
    public void Withdraw(FeedKind feed, long sequence)
    {
        lock (_gate)
        {
            if (!_withdrawn.TryGetValue(feed, out var list))
            {
                _withdrawn[feed] = list = [];
            }

            list.Add(sequence);
        }
    }

    /// <summary>
    /// Records the staged files' names and sha256s (<see cref="FileId"/>) and the withdrawn rows, in a table per feed,
    /// for <see cref="StagedRows"/>; call after <see cref="CloseStaging"/>.
    /// </summary>
    public void RecordWithdrawn()
    {
        Execute("CREATE TABLE staged_file (file_id INTEGER, source_file VARCHAR, sha256 VARCHAR)");
        using (var appender = Connection.CreateAppender("staged_file"))
        {
            foreach (var (input, id) in _files)
            {
                appender.CreateRow().Append(id).Append(input.OriginalName).Append(input.Sha256).EndRow();
            }
        }

        foreach (var (feed, sequences) in _withdrawn)
        {
            var table = WithdrawnTable(feed);
            Execute($"CREATE TABLE {table} (stage_seq BIGINT)");
            using (var appender = Connection.CreateAppender(table))
            {
                foreach (var sequence in sequences)
                {
                    appender.CreateRow().Append(sequence).EndRow();
                }
            }

            _withdrawnTables.Add(feed);
        }

        _withdrawn.Clear();
    }

    /// <summary>
    /// A feed's staged rows as a SQL subquery in their staged types: every part file, less the withdrawn rows. Call
    /// after <see cref="CloseStaging"/> and <see cref="RecordWithdrawn"/>.
    /// </summary>
    public string StagedRows(FeedKind feed)
    {
        var contract = FeedContracts.For(feed);
        var files = _parts.Where(p => p.Feed == feed).SelectMany(p => p.Files).Select(f => $"'{f.Replace("'", "''", StringComparison.Ordinal)}'");
        var columns = string.Join(", ", StagedColumns(contract).Select(c => $"CAST({DuckDbConnection.QuoteIdentifier(c.Name)} AS {c.Type}) AS {DuckDbConnection.QuoteIdentifier(c.Name)}"));
        var withdrawn = _withdrawnTables.Contains(feed) ? $" WHERE stage_seq NOT IN (SELECT stage_seq FROM {WithdrawnTable(feed)})" : "";
        return $"(SELECT staged.*, staged_file.source_file, staged_file.sha256 FROM (SELECT {columns} FROM read_parquet([{string.Join(", ", files)}]){withdrawn}) AS staged " +
            "JOIN staged_file USING (file_id))";
    }

    private static string WithdrawnTable(FeedKind feed) => "withdrawn_" + feed.ToName();

    public DuckDbAppender Quarantine => _quarantine ??= Connection.CreateAppender("quarantine");

    /// <summary>The feeds that had a row appended (by the loading thread or a parallel read's threads), in the order their first rows came.</summary>
    public IEnumerable<FeedKind> StagedFeeds => _feeds;

    /// <summary>
    /// The column list that turns a staged table back into the contract's types (lists split again), the derived columns
    /// (<see cref="LakeSchema.Derived"/>, empty entries read as NULL), then the row's normalisation notes (<c>notes</c>: the note kinds as a list, NULL when no value was changed) and its origin.
    /// </summary>
    public static string ExportColumns(FeedContract contract) => string.Join(", ", contract.Fields
        .Select(f => f.Type == FieldType.TextList
            ? $"string_split({DuckDbConnection.QuoteIdentifier(f.Name)}, chr(31)) AS {DuckDbConnection.QuoteIdentifier(f.Name)}"
            : DuckDbConnection.QuoteIdentifier(f.Name))
        .Concat(LakeSchema.Derived(contract.Kind).Select(c => DuckDbConnection.QuoteIdentifier(c.Name))
            .Select(c => $"list_transform(string_split({c}, chr(31)), s -> nullif(s, '')) AS {c}"))
        .Append("string_split(notes, chr(31)) AS notes").Append("source_file").Append("sha256").Append("source_row"));

    /// <summary>Writes every staged part's last rows and flushes the quarantine's appenders so its rows are visible to SQL.</summary>
    public void CloseStaging()
    {
        foreach (var part in _parts)
        {
            part.Close();
        }

        foreach (var thread in _threads)
        {
            thread.CloseAppenders();
        }

        _quarantine?.Close();
    }

    public long Count(string table)
    {
        using var command = Connection.CreateCommand($"SELECT count(*) FROM {table}");
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Execute(string sql)
    {
        using var command = Connection.CreateCommand(sql);
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        foreach (var part in _parts)
        {
            part.Dispose();
        }

        foreach (var thread in _threads)
        {
            thread.Dispose();
        }

        _quarantine?.Dispose();
        Connection.Dispose();
    }
}

/// <summary>One thread's connection to the staging database (for its quarantined rows) and its staged parts, used by that thread alone while it reads.</summary>
internal sealed class StagingThread(DuckDbConnection connection, StagingDatabase staging) : IDisposable
{
    private readonly Dictionary<FeedKind, StagedPart> _parts = [];
    private DuckDbAppender? _quarantine;

    /// <summary>The staged part for a feed's accepted rows read by this thread (made on first use).</summary>
    public StagedPart Accepted(FeedContract contract)
    {
        if (!_parts.TryGetValue(contract.Kind, out var part))
        {
            part = staging.OpenPart(contract);
            _parts[contract.Kind] = part;
        }

        return part;
    }

    public DuckDbAppender Quarantine => _quarantine ??= connection.CreateAppender("quarantine");

    /// <summary>Writes out this thread's staged rows not yet in a part.</summary>
    public void CloseParts()
    {
        foreach (var part in _parts.Values)
        {
            part.Close();
        }
    }

    public void CloseAppenders() => _quarantine?.Close();

    public void Dispose()
    {
        _quarantine?.Dispose();
        connection.Dispose();
    }
}
