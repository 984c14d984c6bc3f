using Analytics.DuckDb.Native;

namespace Analytics.DuckDb;

/// <summary>
/// One native <c>duckdb_database</c> per (file, settings) in the process, shared by reference count among the
/// connections that open it: DuckDB allows one read-write instance of a file per process, and sharing it is also what
/// makes many connections to one file cheap. In-memory databases are never shared (each open is a new database).
/// </summary>
/// <remarks>
/// Files opened for writing go through DuckDB's own instance cache, so such a file has one engine instance in the process even when
/// the same file is asked for with other settings (DuckDB refuses that with an error instead of opening a second,
/// independent instance that would overwrite the first one's writes) or while a closed connection's appender still
/// holds the previous instance. Read-only opens with different settings get their own instances.
/// </remarks>
internal sealed class SharedDatabase
{
    private static readonly Dictionary<string, SharedDatabase> Open = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();

    // Lives as long as the process; the instances it hands out are closed by their own handles.
    private static readonly Lazy<nint> InstanceCache = new(NativeMethods.duckdb_create_instance_cache, LazyThreadSafetyMode.ExecutionAndPublication);

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
                if (IsReadOnly(settings) && Open.Keys.Any(k => k.StartsWith(path + "\n", StringComparison.Ordinal) && !IsReadOnlyKey(k)))
                {
                    throw new DuckDbException(
                        $"DuckDB could not open '{path}' read-only: this process has it open for writing with a different configuration. " +
                        "Use the same connection-string settings, or open it read-only only after the writer has closed.",
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

    public void Release()
    {
        if (_key is null)
        {
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
            // last connection's handle lets go of it too (connections add a reference).
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

            // Read-only instances never write, so a file may have several with different settings (the dashboard's
            // SQL console opens the snapshot with tighter limits than its pages); writable ones go through the cache.
            var state = path is null || IsReadOnly(settings)
                ? NativeMethods.duckdb_open_ext(path, out var database, config, out var error)
                : NativeMethods.duckdb_get_or_create_from_cache(InstanceCache.Value, path, out database, config, out error);
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
