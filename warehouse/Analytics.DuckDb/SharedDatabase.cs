using Analytics.DuckDb.Native;

namespace Analytics.DuckDb;

/// <summary>
/// One native <c>duckdb_database</c> per (file, settings) in the process, shared by reference count among the
/// connections that open it: DuckDB allows one read-write instance of a file per process, and sharing it is also what
/// makes many connections to one file cheap. In-memory databases are never shared (each open is a new database).
/// </summary>
/// <remarks>
/// A writable file has one engine instance in the process: asking for it with other settings is refused (a second,
/// independent instance would overwrite the first one's writes), and so is opening it while an appender or reader of an
/// already closed connection still holds the previous instance. Read-only opens with different settings get their own
/// instances (they never write). DuckDB's own instance cache would give the same guarantee, but instances made by it
/// produced results markedly slower here (4.3 against 6.1 M rows/s in the provider benchmark), so the registry is ours.
/// </remarks>
internal sealed class SharedDatabase
{
    private static readonly Dictionary<string, SharedDatabase> Open = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();

    // Paths whose last connection closed while something (an appender, a reader) still holds the native instance:
    // filled under Gate, emptied by the instance's own release, which may run on any thread and must not take Gate.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> Retiring = new(StringComparer.Ordinal);

    private readonly string? _key;
    private int _references;

    private SharedDatabase(string? key, DatabaseHandle handle)
    {
        _key = key;
        Handle = handle;
    }

    public DatabaseHandle Handle { get; }

    public static SharedDatabase Acquire(DuckDbConnectionStringBuilder options)
    {
        DuckDbEngine.EnsureLoaded();
        var settings = options.Settings();
        if (options.IsInMemory)
        {
            var db = new SharedDatabase(null, OpenNative(null, settings, options.DataSource));
            db._references = 1;
            return db;
        }

        var path = Path.GetFullPath(options.DataSource);
        var key = path + "\n" + string.Join("\n", settings.Select(kv => kv.Key + "=" + kv.Value));
        lock (Gate)
        {
            if (!Open.TryGetValue(key, out var db))
            {
                var readOnly = IsReadOnly(settings);
                var others = Open.Keys.Where(k => k.StartsWith(path + "\n", StringComparison.Ordinal)).ToList();
                if (others.Any(k => !readOnly || !IsReadOnlyKey(k)))
                {
                    throw new DuckDbException(
                        $"DuckDB could not open '{path}': this process already has it open with a different configuration. " +
                        "Use the same connection-string settings (two instances of a writable file would overwrite each other's writes).",
                        DuckDbErrorType.Connection);
                }

                if (!readOnly && Retiring.ContainsKey(path))
                {
                    throw new DuckDbException(
                        $"DuckDB could not open '{path}': an appender or data reader of a connection that was closed still holds it. " +
                        "Dispose it before opening the file again.",
                        DuckDbErrorType.Connection);
                }

                db = new SharedDatabase(key, OpenNative(path, settings, path));
                Open[key] = db;
            }

            db._references++;
            return db;
        }
    }

    private static bool IsReadOnly(IReadOnlyDictionary<string, string> settings) =>
        settings.TryGetValue("access_mode", out var mode) && mode.Equals("read_only", StringComparison.OrdinalIgnoreCase);

    private static bool IsReadOnlyKey(string key) => key.Contains("\naccess_mode=read_only", StringComparison.OrdinalIgnoreCase);

    /// <summary>One more reference to this instance (a sibling connection of an in-memory database).</summary>
    public SharedDatabase AddReference()
    {
        lock (Gate)
        {
            if (_references <= 0)
            {
                throw new ObjectDisposedException(nameof(SharedDatabase), "The database is already closed.");
            }

            _references++;
        }

        return this;
    }

    public void Release()
    {
        if (_key is null)
        {
            lock (Gate)
            {
                if (--_references > 0)
                {
                    return;
                }
            }

            Handle.Dispose();
            return;
        }

        lock (Gate)
        {
            if (--_references > 0)
            {
                return;
            }

            Open.Remove(_key);

            // Inside the lock: a connection opening the file meanwhile waits for this instance to be closed (and
            // checkpointed) instead of opening the file while it is being written. The native close happens once the
            // last handle that references it lets go (connections, and through them appenders and results, add one).
            var path = _key[.._key.IndexOf('\n', StringComparison.Ordinal)];
            Retiring[path] = 0;
            Handle.Released = () => Retiring.TryRemove(path, out _);
            Handle.Dispose();
        }
    }

    private static unsafe DatabaseHandle OpenNative(string? path, IReadOnlyDictionary<string, string> settings, string shownAs)
    {
        if (NativeMethods.duckdb_create_config(out var config) != DuckDbState.Success)
        {
            throw new DuckDbException("DuckDB could not create a configuration object (out of memory?).");
        }

        try
        {
            foreach (var (name, value) in settings)
            {
                if (NativeMethods.duckdb_set_config(config, name, value) != DuckDbState.Success)
                {
                    throw new DuckDbException(
                        $"DuckDB refused the setting {name}='{value}' for '{shownAs}': unknown setting or invalid value.",
                        DuckDbErrorType.Settings);
                }
            }

            var state = NativeMethods.duckdb_open_ext(path, out var database, config, out var error);
            var message = Utf8.FromOwnedPointer(error);
            if (state != DuckDbState.Success)
            {
                if (database != 0)
                {
                    NativeMethods.duckdb_close(ref database);
                }

                var type = Execution.ErrorMessages.ClassOf(message);
                throw new DuckDbException($"DuckDB could not open '{shownAs}': {message}", type == DuckDbErrorType.Invalid ? DuckDbErrorType.IO : type);
            }

            var handle = new DatabaseHandle();
            handle.Attach(database, null);
            return handle;
        }
        finally
        {
            NativeMethods.duckdb_destroy_config(ref config);
        }
    }
}
