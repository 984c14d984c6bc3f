namespace Analytics.Dashboard.Snapshots;

/// <summary>The dashboard's settings (section <c>Analytics</c>).</summary>
public sealed class AnalyticsOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Analytics";

    /// <summary>One snapshot file (<c>.duckdb</c>); wins over <see cref="Snapshots"/> when both are set.</summary>
    public string? Snapshot { get; set; }

    /// <summary>A snapshot folder: its <c>current.json</c> pointer, else its newest <c>warehouse-*.duckdb</c>.</summary>
    public string? Snapshots { get; set; }

    /// <summary>How often to look for a newer snapshot, in seconds.</summary>
    public double RefreshSeconds { get; set; } = 3;

    /// <summary>The SQL console's limits.</summary>
    public SqlConsoleOptions SqlConsole { get; set; } = new();
}

/// <summary>Limits of the analysts' SQL console.</summary>
public sealed class SqlConsoleOptions
{
    /// <summary>Rows shown at most; the result says when it was cut.</summary>
    public int MaxRows { get; set; } = 1000;

    /// <summary>Rows written to a CSV download at most.</summary>
    public int MaxCsvRows { get; set; } = 100_000;

    /// <summary>Time limit of one query, enforced by interrupting DuckDB.</summary>
    public double TimeoutSeconds { get; set; } = 5;

    /// <summary>DuckDB <c>memory_limit</c> of the console's database instance.</summary>
    public string MemoryLimit { get; set; } = "512MB";

    /// <summary>DuckDB <c>threads</c> of the console's database instance.</summary>
    public int Threads { get; set; } = 1;

    /// <summary>Queries running at once at most; more wait.</summary>
    public int MaxConcurrent { get; set; } = 2;

    /// <summary>The audit log (JSON lines), relative to the content root unless absolute.</summary>
    public string AuditLog { get; set; } = "logs/sql-audit.jsonl";
}
