namespace Analytics.Dashboard.Snapshots;

/// <summary>The dashboard's settings (section <c>Analytics</c>).</summary>
public sealed class AnalyticsOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Analytics";

    /// <summary>One snapshot file (<c>.duckdb</c>); wins over <see cref="Snapshots"/> when both are set.</summary>
    public string? Snapshot { get; set; }

    /// <summary>A snapshot folder: the dashboard serves the file its <c>current.json</c> names (see <c>SnapshotResolver</c>).</summary>
    public string? Snapshots { get; set; }

    /// <summary>
    /// The target versions administrators record on the admin page (<c>target-revisions.jsonl</c>), the file
    /// <c>analytics build</c> reads; default: that file in <see cref="Snapshots"/>.
    /// </summary>
    public string? TargetRevisions { get; set; }

    /// <summary>How often to look for a newer snapshot, in seconds.</summary>
    public double RefreshSeconds { get; set; } = 3;

    /// <summary>The SQL console's limits.</summary>
    public SqlConsoleOptions SqlConsole { get; set; } = new();

    /// <summary>PDFs of pages (<c>/export/pdf</c>), printed by headless Chromium.</summary>
    public PdfOptions Pdf { get; set; } = new();

    /// <summary>Most rendered page parts held (the status grid, an indicator's charts and tables), in megabytes of text; 0 turns the cache off.</summary>
    public int FragmentCacheMB { get; set; } = 64;

    /// <summary>
    /// How long, at most, the watcher spends rendering recently asked page parts against a new snapshot before serving
    /// it (<see cref="Presentation.FragmentCache.Prerender"/>); the switch waits that long at most. 0 turns it off.
    /// </summary>
    public double PrerenderSeconds { get; set; } = 15;

    /// <summary>The parts rendered ahead of a switch are those asked for in the last this many minutes.</summary>
    public double PrerenderMinutes { get; set; } = 10;

    /// <summary>Most page parts remembered for rendering ahead of a switch (the most recently asked).</summary>
    public int PrerenderParts { get; set; } = 4000;
}

/// <summary>How pages are printed to PDF (<c>Exports/PagePrinter.cs</c>).</summary>
public sealed class PdfOptions
{
    /// <summary>The Chromium executable (default: <c>ANALYTICS_CHROMIUM</c>, else Debian's <c>/usr/bin/chromium</c>).</summary>
    public string? Chromium { get; set; }

    /// <summary>
    /// Where the printer reaches this dashboard (default: its own first listening address, with a wildcard host read
    /// as 127.0.0.1). Set it when the dashboard listens only on a socket the printer cannot reach.
    /// </summary>
    public string? BaseUrl { get; set; }

    /// <summary>Pages printed at once; a browser tab takes ~50–100 MB while it prints.</summary>
    public int MaxConcurrent { get; set; } = 2;

    /// <summary>How long a request waits for a free slot, in seconds, before 503.</summary>
    public double QueueTimeoutSeconds { get; set; } = 10;

    /// <summary>Time limit of one print (load, charts, PDF), in seconds, before 504.</summary>
    public double TimeoutSeconds { get; set; } = 30;
}

/// <summary>Limits of the analysts' SQL console (queries run in worker processes: see <c>SqlWorkerPool</c>).</summary>
public sealed class SqlConsoleOptions
{
    /// <summary>Rows shown at most; the result says when it was cut.</summary>
    public int MaxRows { get; set; } = 1000;

    /// <summary>Bytes of a result shown at most (the page's size); the result says when it was cut.</summary>
    public long MaxBytes { get; set; } = 4L * 1024 * 1024;

    /// <summary>Longest value shown in a cell, in characters; longer ones end in …</summary>
    public int CellChars { get; set; } = 2000;

    /// <summary>Rows written to a download (CSV, JSON or Arrow) at most; the name is kept from when CSV was the only download.</summary>
    public int MaxCsvRows { get; set; } = 100_000;

    /// <summary>Bytes of a download (CSV, JSON or Arrow) at most.</summary>
    public long MaxCsvBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Time limit of one query, writing its result included.</summary>
    public double TimeoutSeconds { get; set; } = 5;

    /// <summary>Worker processes (queries running at once); more queries wait.</summary>
    public int MaxConcurrent { get; set; } = 2;

    /// <summary>How long a query waits for a free worker, in seconds.</summary>
    public double QueueTimeoutSeconds { get; set; } = 30;

    /// <summary>DuckDB <c>memory_limit</c> of a worker's instance.</summary>
    public string MemoryLimit { get; set; } = "512MB";

    /// <summary>DuckDB <c>threads</c> of a worker's instance.</summary>
    public int Threads { get; set; } = 1;

    /// <summary>Temporary disk space a query may spill to (DuckDB <c>max_temp_directory_size</c>).</summary>
    public string TempBudget { get; set; } = "256MB";

    /// <summary>Memory a worker process may take beyond its start-up, in MB (kernel-enforced on Linux).</summary>
    public long ProcessMemoryMB { get; set; } = 1536;

    /// <summary>Folder of the workers' spill folders and CSV downloads being prepared (default: the system's temporary folder).</summary>
    public string? TempRoot { get; set; }

    /// <summary>Largest console request body, in bytes (the query is at most 20,000 characters).</summary>
    public long MaxRequestBytes { get; set; } = 256 * 1024;

    /// <summary>The audit log (JSON lines), relative to the content root unless absolute.</summary>
    public string AuditLog { get; set; } = "logs/sql-audit.jsonl";

    /// <summary>Size at which the audit log is rotated, in MB (five rotated files are kept).</summary>
    public long AuditLogMaxMB { get; set; } = 10;
}
