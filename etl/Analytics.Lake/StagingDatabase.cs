using Analytics.DuckDb;
using Analytics.Etl.Contracts;
using Analytics.Etl.Sources;

namespace Analytics.Lake;

/// <summary>
/// The in-memory DuckDB a load stages into: one table per feed (its contract's columns plus source file and row) and a
/// quarantine table, filled through appenders, then written out as Parquet. Spills to the staging folder when large.
/// </summary>
internal sealed class StagingDatabase : IDisposable
{
    private readonly Dictionary<FeedKind, DuckDbAppender> _appenders = [];
    private readonly List<FeedKind> _tables = [];
    private readonly Dictionary<FeedKind, long> _sequences = [];
    private readonly Dictionary<FeedKind, List<long>> _withdrawn = [];
    private readonly List<StagingThread> _threads = [];
    private readonly Lock _gate = new();
    private DuckDbAppender? _quarantine;
    private long _serials;

    public StagingDatabase(string spillFolder, string memoryLimit, int threads)
    {
        // Built with the builder so a spill folder holding ';', '=' or quotes (the lake's path) stays one value.
        var settings = new DuckDbConnectionStringBuilder { DataSource = DuckDbConnectionStringBuilder.InMemory, MemoryLimit = memoryLimit, Threads = threads };
        settings["temp_directory"] = spillFolder;
        settings["preserve_insertion_order"] = "false";
        Connection = new DuckDbConnection(settings.ConnectionString);
        Connection.Open();
        Execute($"CREATE TABLE quarantine ({string.Join(", ", LakeSchema.Quarantine.Select(c => $"{c.Name} {c.Type}"))})");
    }

    public DuckDbConnection Connection { get; }

    /// <summary>The appender for a feed's accepted rows (creating its table on first use).</summary>
    public DuckDbAppender Accepted(FeedContract contract)
    {
        if (!_appenders.TryGetValue(contract.Kind, out var appender))
        {
            EnsureTable(contract);
            appender = Connection.CreateAppender(TableOf(contract.Kind));
            _appenders[contract.Kind] = appender;
        }

        return appender;
    }

    /// <summary>
    /// The staging of one thread of a parallel read of one file: its own connection to this database with its own
    /// appenders (a connection serves one thread), open until <see cref="CloseAppenders"/>. A fresh connection per file
    /// and thread: DuckDB's appender keeps its connection in a transaction that began before later files' tables were
    /// made, and such a connection cannot see them. Any thread may call it (files read whole are read several at a
    /// time, <see cref="FileSchedule"/>) while the loading thread's own connection is idle.
    /// </summary>
    public StagingThread OpenThread(FeedContract contract)
    {
        lock (_gate)
        {
            EnsureTable(contract);
            var thread = new StagingThread(Connection.OpenSibling());
            _threads.Add(thread);
            return thread;
        }
    }

    /// <summary>
    /// A fresh range of staging sequence numbers for one thread's rows of one file: 2^40 numbers from (serial × 2^40),
    /// above every number <see cref="NextSequence"/> hands out.
    /// </summary>
    public long NextRangeStart() => Interlocked.Increment(ref _serials) << 40;

    private void EnsureTable(FeedContract contract)
    {
        if (!_tables.Contains(contract.Kind))
        {
            // A list field is staged as text joined by U+001F (the appender writes scalars) and split again on export.
            // A derived list (applicant_credit_codes) likewise, its NULL entries staged as empty texts.
            var columns = contract.Fields.Select(f => $"{DuckDbConnection.QuoteIdentifier(f.Name)} {(f.Type == FieldType.TextList ? "VARCHAR" : f.DuckDbType)}")
                .Concat(LakeSchema.Derived(contract.Kind).Select(c => $"{DuckDbConnection.QuoteIdentifier(c.Name)} VARCHAR"))
                .Append("notes VARCHAR").Append("source_file VARCHAR").Append("sha256 VARCHAR").Append("source_row BIGINT").Append("stage_seq BIGINT");
            Execute($"CREATE TABLE {TableOf(contract.Kind)} ({string.Join(", ", columns)})");
            _tables.Add(contract.Kind);
        }
    }

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

    /// <summary>Deletes the withdrawn rows; call after <see cref="CloseAppenders"/>.</summary>
    public void DeleteWithdrawn()
    {
        foreach (var (feed, sequences) in _withdrawn)
        {
            Execute("CREATE OR REPLACE TABLE withdrawn (stage_seq BIGINT)");
            using (var appender = Connection.CreateAppender("withdrawn"))
            {
                foreach (var sequence in sequences)
                {
                    appender.CreateRow().Append(sequence).EndRow();
                }
            }

            Execute($"DELETE FROM {TableOf(feed)} WHERE stage_seq IN (SELECT stage_seq FROM withdrawn)");
            Execute("DROP TABLE withdrawn");
        }

        _withdrawn.Clear();
    }

    public DuckDbAppender Quarantine => _quarantine ??= Connection.CreateAppender("quarantine");

    /// <summary>The feeds that had a row appended (by the loading thread or a parallel read's threads), in the order their tables were made.</summary>
    public IEnumerable<FeedKind> StagedFeeds => _tables.Where(f => _appenders.ContainsKey(f) || _threads.Any(t => t.Appends(f)));

    public static string TableOf(FeedKind feed) => "accepted_" + feed.ToName();

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

    /// <summary>Flushes every appender so the staged rows are visible to SQL.</summary>
    public void CloseAppenders()
    {
        foreach (var appender in _appenders.Values)
        {
            appender.Close();
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
        foreach (var appender in _appenders.Values)
        {
            appender.Dispose();
        }

        foreach (var thread in _threads)
        {
            thread.Dispose();
        }

        _quarantine?.Dispose();
        Connection.Dispose();
    }
}

/// <summary>One thread's connection to the staging database and its appenders, used by that thread alone while it reads.</summary>
internal sealed class StagingThread(DuckDbConnection connection) : IDisposable
{
    private readonly Dictionary<FeedKind, DuckDbAppender> _appenders = [];
    private DuckDbAppender? _quarantine;

    /// <summary>The appender for a feed's accepted rows (its table exists: <see cref="StagingDatabase.OpenThread"/>).</summary>
    public DuckDbAppender Accepted(FeedKind feed)
    {
        if (!_appenders.TryGetValue(feed, out var appender))
        {
            appender = connection.CreateAppender(StagingDatabase.TableOf(feed));
            _appenders[feed] = appender;
        }

        return appender;
    }

    public DuckDbAppender Quarantine => _quarantine ??= connection.CreateAppender("quarantine");

    /// <summary>Whether rows of the feed were appended through this thread.</summary>
    public bool Appends(FeedKind feed) => _appenders.ContainsKey(feed);

    public void CloseAppenders()
    {
        foreach (var appender in _appenders.Values)
        {
            appender.Close();
        }

        _quarantine?.Close();
    }

    public void Dispose()
    {
        foreach (var appender in _appenders.Values)
        {
            appender.Dispose();
        }

        _quarantine?.Dispose();
        connection.Dispose();
    }
}
