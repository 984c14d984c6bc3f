using System.Collections.Concurrent;
using Analytics.Dashboard.Data;
using Analytics.DuckDb;
using Analytics.Snapshots;

namespace Analytics.Dashboard.Snapshots;

/// <summary>
/// One opened snapshot: its file, its catalog and a small pool of read-only connections to it. When a newer snapshot
/// replaces it, it is retired: idle connections close at once, leased ones when their request returns them, so
/// requests in flight finish on the file they started on.
/// </summary>
public sealed class SnapshotState : IDisposable
{
    private const int MaxIdle = 16;
    private readonly ConcurrentBag<DuckDbConnection> _idle = [];
    private readonly string _connectionString;
    private int _idleCount;
    private volatile bool _retired;

    private SnapshotState(string path, string connectionString, SnapshotCatalog catalog, MartCache? marts)
    {
        Path = path;
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

    /// <summary>Opens a snapshot read-only and reads its catalog (throws when it is not a warehouse snapshot).</summary>
    internal static SnapshotState Open(string path)
    {
        var connectionString = SnapshotConnections.ReadOnly(path, threads: 2);
        var connection = new DuckDbConnection(connectionString);
        connection.Open();
        try
        {
            var state = new SnapshotState(path, connectionString, SnapshotCatalog.Load(connection), MartCache.Load(connection, MaxCachedRows));
            state.Return(connection);
            return state;
        }
        catch
        {
            connection.Dispose();
            throw;
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
