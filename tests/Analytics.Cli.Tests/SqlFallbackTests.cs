using Analytics.Cli.Tests.Support;
using Analytics.Warehouse;

namespace Analytics.Cli.Tests;

/// <summary><c>analytics sql</c> on a snapshot folder whose current snapshot is damaged reads the newest intact older one and says so on standard error.</summary>
public sealed class SqlFallbackTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "analytics-cli-fallback-" + Guid.NewGuid().ToString("N")[..12]);

    public SqlFallbackTests() => Directory.CreateDirectory(Path.Combine(_root, "lake", "load=20250101-aaaa"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private string Snapshots => Path.Combine(_root, "snapshots");

    /// <summary>A mart of <paramref name="rows"/> rows, so the two snapshots answer differently.</summary>
    private static WarehouseBuilderFunc Rows(int rows) => (connection, _, _, _) =>
    {
        var values = new Dictionary<string, string>
        {
            ["indicator_id"] = "'YY2020-01'", ["plan"] = "'YY2020'", ["year"] = "2020", ["district_code"] = "'430602'",
            ["industry_group"] = "'ALL'", ["size_class"] = "'ALL'", ["value"] = "range::DOUBLE", ["small_cell"] = "false",
        };
        var columns = string.Join(", ", Analytics.Snapshots.MartContract.ColumnNames.Select(c => (values.TryGetValue(c, out var v) ? v : "NULL") + " AS " + c));
        using var command = connection.CreateCommand($"CREATE TABLE mart_indicator AS SELECT {columns} FROM range({rows})");
        command.ExecuteNonQuery();
        return new BuildResult(["20250101-aaaa"], new Dictionary<string, long> { ["mart_indicator"] = rows });
    };

    private Task<CommandRun> Build(int rows) =>
        CommandRun.InvokeAsync(["build", "--lake", Path.Combine(_root, "lake"), "--snapshots", Snapshots], Rows(rows));

    [Fact]
    public async Task A_truncated_current_snapshot_is_skipped_for_the_older_one_with_a_warning()
    {
        var first = await Build(3);
        Assert.True(first.ExitCode == ExitCodes.Ok, first.Errors);
        await Task.Delay(5); // snapshot names carry the build time to the millisecond
        var second = await Build(7);
        Assert.True(second.ExitCode == ExitCodes.Ok, second.Errors);
        var current = new Analytics.Warehouse.Snapshots.SnapshotStore(Snapshots).Current!;
        using (var stream = new FileStream(current.Path, FileMode.Open, FileAccess.Write))
        {
            stream.SetLength(stream.Length / 2);
        }

        var run = await CommandRun.InvokeAsync(["sql", "SELECT count(*) AS n FROM mart_indicator", "--snapshot", Snapshots, "--format", "csv"]);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Errors);
        Assert.Equal("n\r\n3\r\n", run.Output);
        Assert.Contains("warning: the current snapshot " + current.Name + ".duckdb is damaged", run.Errors, StringComparison.Ordinal);
        Assert.Contains("truncated", run.Errors, StringComparison.Ordinal);
    }
}
