namespace Analytics.Warehouse.SqlConsole;

/// <summary>The limits of a <see cref="SqlConsole"/>.</summary>
public sealed record SqlConsoleOptions
{
    /// <summary>Most rows a query returns; more set <see cref="QueryResult.Truncated"/>. Default 10,000.</summary>
    public int MaxRows { get; init; } = 10_000;

    /// <summary>Time limit of a query, execution and reading together (whole seconds, at least 1). Default 30 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>DuckDB <c>memory_limit</c> of the console's database. Default 1GB.</summary>
    public string MemoryLimit { get; init; } = "1GB";

    /// <summary>DuckDB <c>threads</c> of the console's database. Default 2.</summary>
    public int Threads { get; init; } = 2;

    /// <summary>The time limit in whole seconds, as <c>CommandTimeout</c> takes it.</summary>
    internal int TimeoutSeconds => (int)Math.Clamp(Math.Ceiling(Timeout.TotalSeconds), 1, int.MaxValue);
}
