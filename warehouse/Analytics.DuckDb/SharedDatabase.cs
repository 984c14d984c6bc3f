using Analytics.DuckDb.Native;

namespace Analytics.DuckDb;

/// <summary>
/// One native <c>duckdb_database</c> per (file, settings) in the process, shared by reference count among the
/// connections that open it: DuckDB allows one read-write instance of a file per process, and sharing it is also what
/// makes many connections to one file cheap. In-memory databases are never shared (each open is a new database).
/// </summary>
internal sealed class SharedDatabase
{
    private static readonly Dictionary<string, SharedDatabase> Open = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();

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
                db = new SharedDatabase(key, OpenNative(path, settings, path));
                Open[key] = db;
            }

            db._references++;
            return db;
        }
    }

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
        }

        // The handle is released once the last connection's handle lets go of it (connections add a reference).
        Handle.Dispose();
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

                throw new DuckDbException($"DuckDB could not open '{shownAs}': {message}", DuckDbErrorType.IO);
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
