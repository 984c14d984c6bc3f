namespace Analytics.Snapshots.Pool;

/// <summary>How many SQL workers run and what limits each one has for its whole life.</summary>
public sealed record SqlWorkerPoolOptions
{
    /// <summary>Worker processes, each running one query at a time. Default 2 (the machines have 2 cores).</summary>
    public int Workers { get; init; } = 2;

    /// <summary>DuckDB <c>memory_limit</c> of a worker's instance. Default 512MB.</summary>
    public string MemoryLimit { get; init; } = "512MB";

    /// <summary>DuckDB <c>threads</c> of a worker's instance. Default 1.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>DuckDB <c>max_temp_directory_size</c>: how much a query may spill to disk. Default 256MB.</summary>
    public string TempBudget { get; init; } = "256MB";

    /// <summary>
    /// Memory a worker may take beyond what it has after start-up, in MB, in all: a third is .NET's heap
    /// (<c>GCHeapHardLimit</c>), the rest address space for DuckDB (capped by the kernel on Linux); the pool's
    /// resident-memory watchdog kills a worker past it. Default 1536.
    /// </summary>
    public long ProcessMemoryMB { get; init; } = 1536;

    /// <summary>Queries a worker serves before it is replaced by a fresh process (it is replaced sooner when its memory stays high). Default 1000.</summary>
    public int RecycleAfter { get; init; } = 1000;

    /// <summary>How long a query waits for a free worker before it is told the console is busy. Default 30 s.</summary>
    public TimeSpan QueueTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long past its time limit a worker may take to answer before it is killed. Default 2 s.</summary>
    public TimeSpan KillGrace { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Scheduling priority of the workers (0–19, Linux): higher is gentler to the server's own threads. Default 10.</summary>
    public int Niceness { get; init; } = 10;

    /// <summary>Folder for the workers' spill folders and file results. Default: the system's temporary folder.</summary>
    public string? TempRoot { get; init; }

    /// <summary>The worker program (<c>analytics-sql-worker.dll</c>). Default: beside the running program.</summary>
    public string? WorkerPath { get; init; }

    /// <summary>Tests only: workers abort on <see cref="Worker.WorkerMain.CrashQuery"/>, as a native crash would.</summary>
    internal bool CrashHook { get; init; }
}
