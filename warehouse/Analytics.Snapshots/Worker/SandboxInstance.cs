using System.Globalization;
using Analytics.DuckDb;

namespace Analytics.Snapshots.Worker;

/// <summary>
/// A DuckDB instance of its own for one query: the snapshot opened read-only, with no file access, no extension
/// loading, its own memory and thread limits, spill only into its own folder up to a budget, and its configuration
/// locked. A new instance serves each query, so nothing one query does (a setting, a log, a cache) reaches the next.
/// </summary>
/// <remarks>
/// DuckDB's guide calls these settings defence in depth, not a sandbox, and it is right (see
/// <see cref="Sql.SqlFunctionPolicy"/>): the statement check and the worker process are the other layers. Opening an
/// instance costs about 25 ms (DuckDB registers its built-in functions and extensions), so the worker opens the next
/// one as soon as a query ends, before it says it is ready.
/// </remarks>
internal sealed class SandboxInstance : IDisposable
{
    private static int _serial;

    private SandboxInstance(string snapshot, string tempDirectory, DuckDbConnection connection)
    {
        Snapshot = snapshot;
        TempDirectory = tempDirectory;
        Connection = connection;
    }

    /// <summary>The snapshot file.</summary>
    public string Snapshot { get; }

    /// <summary>This instance's spill folder (removed with it).</summary>
    public string TempDirectory { get; }

    /// <summary>The instance's one connection.</summary>
    public DuckDbConnection Connection { get; }

    /// <summary>Opens a fresh instance on <paramref name="snapshot"/>.</summary>
    public static SandboxInstance Open(string snapshot, WorkerSettings settings)
    {
        var serial = Interlocked.Increment(ref _serial).ToString(CultureInfo.InvariantCulture);
        var temp = Path.Combine(settings.TempDirectory, "i" + serial);
        Directory.CreateDirectory(temp);
        var connection = new DuckDbConnection(ConnectionString(snapshot, settings, temp, serial));
        try
        {
            connection.Open();
            return new SandboxInstance(snapshot, temp, connection);
        }
        catch
        {
            connection.Dispose();
            DeleteQuietly(temp);
            throw;
        }
    }

    /// <summary>The connection string of a sandbox instance (the provider gives DuckDB the restricting settings last).</summary>
    internal static string ConnectionString(string snapshot, WorkerSettings settings, string tempDirectory, string serial)
    {
        var builder = Limited(snapshot, settings, tempDirectory);
        builder.AccessMode = "READ_ONLY";
        builder.EnableExternalAccess = false;

        // A distinct value per instance, so the provider never hands back an instance an earlier query used.
        builder["custom_user_agent"] = "analytics-sql-worker/" + serial;
        builder["lock_configuration"] = "true";
        return builder.ConnectionString;
    }

    /// <summary>
    /// The settings every instance a worker opens has, whatever it is for: memory, threads, spill folder and budget, no
    /// extension loading or installing, no community or unsigned extensions, no persistent secrets.
    /// </summary>
    internal static DuckDbConnectionStringBuilder Limited(string dataSource, WorkerSettings settings, string tempDirectory)
    {
        var builder = new DuckDbConnectionStringBuilder { DataSource = dataSource, MemoryLimit = settings.MemoryLimit, Threads = settings.Threads };
        builder["temp_directory"] = tempDirectory;
        builder["max_temp_directory_size"] = settings.TempBudget;
        builder["autoload_known_extensions"] = "false";
        builder["autoinstall_known_extensions"] = "false";
        builder["allow_community_extensions"] = "false";
        builder["allow_unsigned_extensions"] = "false";
        builder["allow_persistent_secrets"] = "false";
        return builder;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Connection.Dispose();
        DeleteQuietly(TempDirectory);
    }

    internal static void DeleteQuietly(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left for the pool, which removes the worker's whole folder when the worker ends.
        }
    }
}
