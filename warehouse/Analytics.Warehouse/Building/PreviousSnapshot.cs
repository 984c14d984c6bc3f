using Analytics.DuckDb;
using Analytics.Snapshots;

namespace Analytics.Warehouse.Building;

/// <summary>
/// The snapshot a build copies unchanged tables from, attached read-only to the build's connection for the length of
/// the build. Anything wrong with it — missing, damaged, from another DuckDB, without <c>build_step</c> — means no
/// copies and a build from the lake, never a failed build.
/// </summary>
internal sealed class PreviousSnapshot : IDisposable
{
    private const string Alias = "previous_snapshot";

    private readonly DuckDbConnection _connection;

    private PreviousSnapshot(
        DuckDbConnection connection, string name, IReadOnlyDictionary<string, string> fingerprints, IReadOnlyDictionary<string, string> tests)
    {
        _connection = connection;
        Name = name;
        Fingerprints = fingerprints;
        Tests = tests;
    }

    /// <summary>The snapshot's name (its <c>snapshot_info</c>).</summary>
    public string Name { get; }

    /// <summary>Each table's fingerprint as the snapshot recorded it in <c>build_step</c>.</summary>
    public IReadOnlyDictionary<string, string> Fingerprints { get; }

    /// <summary>Each data test's fingerprint as the snapshot recorded it (every test of a published snapshot passed).</summary>
    public IReadOnlyDictionary<string, string> Tests { get; }

    /// <summary>Attaches <paramref name="file"/>; null, with the reason reported, when it cannot be copied from.</summary>
    public static PreviousSnapshot? Attach(DuckDbConnection connection, string? file, IProgress<string>? progress)
    {
        if (file is null)
        {
            return null;
        }

        if (SnapshotIntegrity.QuickCheck(file, SnapshotSeal.Read(Path.ChangeExtension(file, ".json"))) is { } damage)
        {
            progress?.Report($"Not copying from the previous snapshot {Path.GetFileName(file)}: {damage}; every table is built from the lake");
            return null;
        }

        var attached = false;
        try
        {
            Execute(connection, $"ATTACH {DuckDbConnection.QuoteLiteral(file)} AS {Alias} (READ_ONLY)");
            attached = true;
            var name = (string)Scalar(connection, $"SELECT snapshot FROM {Alias}.main.snapshot_info")!;
            var fingerprints = new Dictionary<string, string>(StringComparer.Ordinal);
            var tests = new Dictionary<string, string>(StringComparer.Ordinal);
            using (var command = connection.CreateCommand($"SELECT kind, step, inputs_sha256 FROM {Alias}.main.{BuildSteps.Name} WHERE inputs_sha256 IS NOT NULL"))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    (reader.GetString(0) == BuildSteps.Table ? fingerprints : tests)[reader.GetString(1)] = reader.GetString(2);
                }
            }

            return new PreviousSnapshot(connection, name, fingerprints, tests);
        }
        catch (DuckDbException ex)
        {
            if (attached)
            {
                TryDetach(connection);
            }

            progress?.Report($"Not copying from the previous snapshot {Path.GetFileName(file)}: {FirstLine(ex.Message)}; every table is built from the lake");
            return null;
        }
    }

    /// <summary>
    /// Copies <paramref name="tables"/> (with their rows in order) into the build's database and returns the seconds
    /// each took; null, with every copy dropped again, when one fails (a damaged block, say), so the build makes them
    /// from the lake instead.
    /// </summary>
    public IReadOnlyDictionary<string, double>? TryCopy(IReadOnlyList<string> tables, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var copied = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report($"{table}: copied from {Name} (same inputs)");
            var name = DuckDbConnection.QuoteIdentifier(table);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                using var command = _connection.CreateCommand($"CREATE TABLE {name} AS SELECT * FROM {Alias}.main.{name}");
                command.ExecuteNonQueryAsync(cancellationToken).GetAwaiter().GetResult();
                copied[table] = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
            }
            catch (DuckDbException ex) when (!cancellationToken.IsCancellationRequested)
            {
                progress?.Report($"Copying {table} from {Name} failed ({FirstLine(ex.Message)}); every table is built from the lake");
                foreach (var done in copied.Keys)
                {
                    Execute(_connection, $"DROP TABLE {DuckDbConnection.QuoteIdentifier(done)}");
                }

                return null;
            }
        }

        return copied;
    }

    /// <summary>Detaches the snapshot.</summary>
    public void Dispose() => TryDetach(_connection);

    private static void TryDetach(DuckDbConnection connection)
    {
        try
        {
            Execute(connection, $"DETACH {Alias}");
        }
        catch (DuckDbException)
        {
            // Already gone with a failed statement's rollback; nothing of the build depends on it.
        }
    }

    private static void Execute(DuckDbConnection connection, string sql)
    {
        using var command = connection.CreateCommand(sql);
        command.ExecuteNonQuery();
    }

    private static object? Scalar(DuckDbConnection connection, string sql)
    {
        using var command = connection.CreateCommand(sql);
        return command.ExecuteScalar();
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
