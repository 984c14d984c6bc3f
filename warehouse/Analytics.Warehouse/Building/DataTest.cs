namespace Analytics.Warehouse.Building;

/// <summary>
/// One rule the built warehouse must satisfy, as dbt writes them: a query returning the rows that break it (none:
/// pass). <paramref name="Failing"/> is a complete SELECT; the runner counts its rows and keeps the first as an example.
/// </summary>
/// <param name="Name">Short and unique, e.g. <c>unique mart_indicator (indicator_id, year, …)</c>.</param>
/// <param name="Failing">The rows that break the rule.</param>
internal sealed record DataTest(string Name, string Failing)
{
    /// <summary>
    /// Every object the query reads, when it reads nothing else (no catalog function, no file): a test over unchanged
    /// objects then has the result it had in the build that made them (<see cref="ReusePlan"/>). Null: it always runs.
    /// </summary>
    public IReadOnlyList<string>? Reads { get; init; }

    /// <summary>No two rows of <paramref name="table"/> share <paramref name="key"/>.</summary>
    public static DataTest Unique(string table, params string[] key) => new(
        $"unique {table} ({string.Join(", ", key)})",
        $"SELECT {string.Join(", ", key)}, count(*) AS rows FROM {table} GROUP BY ALL HAVING count(*) > 1") { Reads = [table] };

    /// <summary><paramref name="column"/> of <paramref name="table"/> is never NULL.</summary>
    public static DataTest NotNull(string table, string column) => new(
        $"not_null {table}.{column}",
        $"SELECT * FROM {table} WHERE {column} IS NULL") { Reads = [table] };

    /// <summary>Every value of <paramref name="column"/> (but <c>ALL</c>, the total) is a code of <paramref name="dimension"/>.</summary>
    public static DataTest InDimension(string table, string column, string dimension, string code, string? sameColumn = null) => new(
        $"relationships {table}.{column} → {dimension}.{code}",
        $"SELECT DISTINCT t.{column}{(sameColumn is null ? "" : $", t.{sameColumn}")} FROM {table} t " +
        $"WHERE t.{column} IS NOT NULL AND t.{column} <> 'ALL' AND NOT EXISTS (SELECT 1 FROM {dimension} d WHERE d.{code} = t.{column}" +
        (sameColumn is null ? ")" : $" AND d.{sameColumn} = t.{sameColumn})")) { Reads = [table, dimension] };
}

/// <summary>The outcome of one <see cref="DataTest"/>.</summary>
/// <param name="Name">The test.</param>
/// <param name="Failures">Rows breaking it (0: passed).</param>
/// <param name="Example">The first such row, as <c>column=value</c> pairs.</param>
/// <param name="Elapsed">How long it took.</param>
public sealed record DataTestResult(string Name, long Failures, string? Example, TimeSpan Elapsed)
{
    /// <summary>The snapshot whose build passed the same test on the same inputs, so it was not run again; null when it ran.</summary>
    public string? HeldFrom { get; init; }

    /// <summary>The fingerprint of the test and its inputs; null when it always runs.</summary>
    public string? InputsSha256 { get; init; }

    /// <summary>Whether no row breaks the rule.</summary>
    public bool Passed => Failures == 0;
}

/// <summary>A build whose data tests failed: nothing is published.</summary>
public sealed class DataTestsFailedException(IReadOnlyList<DataTestResult> results)
    : InvalidOperationException(Describe(results))
{
    /// <summary>Every test run, passed and failed.</summary>
    public IReadOnlyList<DataTestResult> Results { get; } = results;

    private static string Describe(IReadOnlyList<DataTestResult> results)
    {
        var failed = results.Where(r => !r.Passed).ToList();
        return $"The build's data tests failed ({failed.Count} of {results.Count}); nothing was published:" + Environment.NewLine +
            string.Join(Environment.NewLine, failed.Select(f => $"  FAIL {f.Name}: {f.Failures:N0} row(s), e.g. {f.Example}"));
    }
}
