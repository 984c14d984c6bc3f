using Analytics.Snapshots.Pool;
using Analytics.Snapshots.Results;

namespace Analytics.Snapshots.Tests.Support;

/// <summary>A published test snapshot and a pool of two workers with small limits, shared by a test class.</summary>
public sealed class PoolFixture : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly List<string> _log = [];

    public PoolFixture()
    {
        Snapshot = TestSnapshot.Publish(_temp.PathOf("snapshots"));
        Pool = NewPool(new SqlWorkerPoolOptions { Workers = 2 });
    }

    public string Snapshot { get; }

    public SqlWorkerPool Pool { get; }

    public string Folder => _temp.Root;

    /// <summary>What the pool logged (worker failures and replacements).</summary>
    public IReadOnlyList<string> Log
    {
        get
        {
            lock (_log)
            {
                return [.. _log];
            }
        }
    }

    /// <summary>A pool on this fixture's temp folder with the given limits (small engine limits by default); the caller disposes it.</summary>
    public SqlWorkerPool NewPool(SqlWorkerPoolOptions options) => new(
        options with
        {
            TempRoot = _temp.PathOf("workers"),
            MemoryLimit = options.MemoryLimit == new SqlWorkerPoolOptions().MemoryLimit ? "128MB" : options.MemoryLimit,
            ProcessMemoryMB = options.ProcessMemoryMB == new SqlWorkerPoolOptions().ProcessMemoryMB ? 768 : options.ProcessMemoryMB,
            QueueTimeout = TimeSpan.FromSeconds(90),
        },
        line =>
        {
            lock (_log)
            {
                _log.Add(line);
            }
        },
        Snapshot);

    /// <summary>Runs <paramref name="sql"/> on <paramref name="pool"/> (default: the shared one) as a display table.</summary>
    public SqlRunResult Table(string sql, SqlWorkerPool? pool = null, int maxRows = 1000, long maxBytes = 4 << 20, double timeoutSeconds = 30, int cellChars = 2000) =>
        (pool ?? Pool).RunAsync(new SqlRunRequest(Snapshot, sql, ResultFormat.Table, new ResultCaps(maxRows, maxBytes, cellChars), TimeSpan.FromSeconds(timeoutSeconds)))
            .GetAwaiter().GetResult();

    /// <summary>Runs <paramref name="sql"/> into a file of <paramref name="format"/>; returns the run and the file.</summary>
    public (SqlRunResult Run, string File) ToFile(string sql, ResultFormat format, long maxBytes = 4 << 20, int maxRows = 100_000, double timeoutSeconds = 30)
    {
        var file = Pool.NewOutputPath("." + format.ToString().ToLowerInvariant());
        var run = Pool.RunAsync(new SqlRunRequest(Snapshot, sql, format, new ResultCaps(maxRows, maxBytes), TimeSpan.FromSeconds(timeoutSeconds), file)).GetAwaiter().GetResult();
        return (run, file);
    }

    public void Dispose()
    {
        Pool.Dispose();
        _temp.Dispose();
    }
}
