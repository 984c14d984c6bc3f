using Analytics.DuckDb;

namespace Analytics.Snapshots;

/// <summary>
/// How trusted readers (the dashboard's pages, the notebooks, the data dictionary) open a published snapshot: read-only,
/// without file access or extension loading. Analysts' SQL never runs on these connections: it runs in a
/// <see cref="Pool.SqlWorkerPool"/> worker, on an instance of its own.
/// </summary>
public static class SnapshotConnections
{
    /// <summary>The connection string of a trusted read-only reader of <paramref name="snapshotFile"/>.</summary>
    /// <param name="snapshotFile">A snapshot file (see <see cref="SnapshotResolver"/>).</param>
    /// <param name="threads">DuckDB <c>threads</c>; null leaves DuckDB's default (the machine's cores).</param>
    /// <param name="memoryLimit">DuckDB <c>memory_limit</c>, e.g. <c>1GB</c>; null leaves DuckDB's default.</param>
    public static string ReadOnly(string snapshotFile, int? threads = null, string? memoryLimit = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(snapshotFile);
        var builder = new DuckDbConnectionStringBuilder
        {
            DataSource = snapshotFile,
            AccessMode = "READ_ONLY",
            EnableExternalAccess = false,
            MemoryLimit = memoryLimit,
        };
        if (threads is { } t)
        {
            builder.Threads = t;
        }

        builder["autoload_known_extensions"] = "false";
        builder["autoinstall_known_extensions"] = "false";
        return builder.ConnectionString;
    }

    /// <summary>Opens a trusted read-only connection to <paramref name="snapshotFile"/>.</summary>
    /// <exception cref="DuckDbException">The file is not a DuckDB database (or not one this engine reads).</exception>
    public static DuckDbConnection OpenReadOnly(string snapshotFile, int? threads = null, string? memoryLimit = null)
    {
        var connection = new DuckDbConnection(ReadOnly(snapshotFile, threads, memoryLimit));
        try
        {
            connection.Open();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
