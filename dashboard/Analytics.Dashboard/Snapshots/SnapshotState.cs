using System.Collections.Concurrent;
using Analytics.Dashboard.Data;
using Analytics.DuckDb;
using Analytics.Snapshots;

namespace Analytics.Dashboard.Snapshots;

/// <summary>
/// One opened snapshot: its file, its catalog and a small pool of read-only connections to it. It is opened and warmed
/// (<see cref="Open"/>) by the watcher, off the request path, before it is served. When a newer snapshot replaces it,
/// it is retired: idle connections close at once, leased ones when their request returns them, so requests in flight
/// finish on the file they started on, and the file is let go when its last user finishes.
/// </summary>
public sealed class SnapshotState : IDisposable
{
    private const int MaxIdle = 16;
    private readonly ConcurrentBag<DuckDbConnection> _idle = [];
    private readonly string _connectionString;
    private int _idleCount;
    private volatile bool _retired;

    /// <summary>Connections opened before the snapshot is served, so the first requests after a switch open none.</summary>
    private const int Warm = 2;

    private SnapshotState(string path, SnapshotSeal? seal, string connectionString, SnapshotCatalog catalog, MartCache? marts)
    {
        Path = path;
        Seal = seal;
        _connectionString = connectionString;
        Catalog = catalog;
        Marts = marts;
    }

    /// <summary>The mart in memory, or null when it is too large to hold (then requests query it).</summary>
    internal MartCache? Marts { get; }

    /// <summary>Largest mart held in memory, in rows.</summary>
    internal const long MaxCachedRows = 2_000_000;

    /// <summary>The snapshot file.</summary>
    public string Path { get; }

    /// <summary>What the snapshot holds.</summary>
    public SnapshotCatalog Catalog { get; }

    /// <summary>What the publish recorded about the file (null for a snapshot published before seals were recorded).</summary>
    public SnapshotSeal? Seal { get; }

    /// <summary>Set when this is an older snapshot served because the current one is damaged: which one and why.</summary>
    public SnapshotFallback? Fallback { get; internal set; }

    /// <summary>True once the whole file was read and matched the SHA-256 its publish recorded.</summary>
    public bool Verified { get; internal set; }

    /// <summary>
    /// Opens a snapshot read-only, reads its catalog and mart, and warms it: a few pooled connections, and one read of
    /// each small table the data page shows (which also finds a file damaged past its header before anyone is served
    /// from it). Throws when it is not a readable warehouse snapshot.
    /// </summary>
    internal static SnapshotState Open(string path, SnapshotSeal? seal)
    {
        var connectionString = SnapshotConnections.ReadOnly(path, threads: 2);
        var connection = new DuckDbConnection(connectionString);
        connection.Open();
        var opened = new List<DuckDbConnection> { connection };
        try
        {
            var state = new SnapshotState(path, seal, connectionString, SnapshotCatalog.Load(connection), MartCache.Load(connection, MaxCachedRows));
            WarmTables(connection);
            for (var i = 1; i < Warm; i++)
            {
                opened.Add(state.Rent());
            }

            opened.ForEach(state.Return);
            return state;
        }
        catch
        {
            opened.ForEach(c => c.Dispose());
            throw;
        }
    }

    private static void WarmTables(DuckDbConnection connection)
    {
        var tables = CatalogReader.Tables(connection);
        foreach (var table in WarehouseTables.Known.Where(tables.Contains).Order(StringComparer.Ordinal))
        {
            using var command = connection.CreateCommand("SELECT * FROM " + DuckDbConnection.QuoteIdentifier(table) + " LIMIT 501");
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    _ = reader.GetValue(i);
                }
            }
        }
    }

    /// <summary>A connection for one request; give it back with <see cref="Return"/>.</summary>
    internal DuckDbConnection Rent()
    {
        if (_idle.TryTake(out var connection))
        {
            Interlocked.Decrement(ref _idleCount);
            return connection;
        }

        connection = new DuckDbConnection(_connectionString);
        connection.Open();
        return connection;
    }

    /// <summary>Takes a connection back (closing it when the pool is full or the snapshot retired).</summary>
    internal void Return(DuckDbConnection connection)
    {
        if (_retired || Interlocked.Increment(ref _idleCount) > MaxIdle)
        {
            if (!_retired)
            {
                Interlocked.Decrement(ref _idleCount);
            }

            connection.Dispose();
            return;
        }

        _idle.Add(connection);
        if (_retired)
        {
            DrainIdle();
        }
    }

    /// <summary>Stops pooling: idle connections close now, leased ones on return.</summary>
    public void Dispose()
    {
        _retired = true;
        DrainIdle();
    }

    private void DrainIdle()
    {
        while (_idle.TryTake(out var connection))
        {
            connection.Dispose();
        }
    }
}
