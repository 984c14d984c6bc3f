using System.Text.Json;
using Analytics.Snapshots.Audit;
using Analytics.Snapshots.Pool;
using Analytics.Snapshots.Results;
using Analytics.Snapshots.Sql;
using Analytics.Snapshots.Tests.Support;

namespace Analytics.Snapshots.Tests;

public sealed class SqlAuditLogTests : IDisposable
{
    private static readonly SqlRequester Analyst = new("li.wei", "10.0.0.7", "dashboard");
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static List<JsonElement> Lines(string path) =>
        File.ReadAllLines(path).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    [Fact]
    public void A_query_has_a_start_line_before_it_runs_and_an_end_line_after()
    {
        var log = new SqlAuditLog(_temp.PathOf("logs/audit.jsonl"));

        var id = log.Start(Analyst, "/srv/snapshots/warehouse-1.duckdb", "SELECT '岳阳' AS city");
        var afterStart = Lines(log.FilePath);
        log.End(id, new SqlRunResult(null, [], 1, 20, Truncation.Rows, null, TimeSpan.FromMilliseconds(12.34), 4242));

        Assert.Single(afterStart);
        var lines = Lines(log.FilePath);
        Assert.Equal("start", lines[0].GetProperty("event").GetString());
        Assert.Equal(id, lines[0].GetProperty("id").GetString());
        Assert.Equal("li.wei", lines[0].GetProperty("who").GetString());
        Assert.Equal("10.0.0.7", lines[0].GetProperty("remote").GetString());
        Assert.Equal("warehouse-1.duckdb", lines[0].GetProperty("snapshot").GetString());
        Assert.Equal("SELECT '岳阳' AS city", lines[0].GetProperty("sql").GetString());
        Assert.Contains("岳阳", File.ReadAllText(log.FilePath), StringComparison.Ordinal);
        Assert.Equal("end", lines[1].GetProperty("event").GetString());
        Assert.Equal(id, lines[1].GetProperty("id").GetString());
        Assert.Equal("capped_rows", lines[1].GetProperty("outcome").GetString());
        Assert.Equal(4242, lines[1].GetProperty("worker").GetInt32());
    }

    [Fact]
    public void An_over_long_query_is_logged_capped_with_the_hash_and_length_of_the_whole()
    {
        var log = new SqlAuditLog(_temp.PathOf("audit.jsonl"));
        var sql = "SELECT '" + new string('x', 1_300_000) + "'";

        log.Refused(Analyst, null, sql, SqlProblem.Refused(SqlRefusal.TooLong, "20000"));

        var line = Lines(log.FilePath).Single();
        Assert.Equal("refused", line.GetProperty("event").GetString());
        Assert.Equal("refused:too_long", line.GetProperty("outcome").GetString());
        Assert.Equal(SqlAuditLog.MaxLoggedChars, line.GetProperty("sql").GetString()!.Length);
        Assert.Equal(sql.Length, line.GetProperty("sqlLength").GetInt32());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(sql))), line.GetProperty("sqlSha256").GetString());
        Assert.True(new FileInfo(log.FilePath).Length < 6000);
    }

    [Fact]
    public void The_log_is_rotated_past_its_size_and_keeps_a_bounded_number_of_files()
    {
        var log = new SqlAuditLog(_temp.PathOf("audit.jsonl"), maxBytes: 2000, keep: 3);

        for (var i = 0; i < 200; i++)
        {
            log.Refused(Analyst, null, $"DROP TABLE t{i}", SqlProblem.Refused(SqlRefusal.Write, "DROP"));
        }

        var files = Directory.GetFiles(_temp.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["audit.jsonl", "audit.jsonl.1", "audit.jsonl.2", "audit.jsonl.3"], files);
        Assert.All(Directory.GetFiles(_temp.Root), f => Assert.True(new FileInfo(f).Length < 2400, f));
        Assert.Contains("DROP TABLE t199", File.ReadAllText(log.FilePath), StringComparison.Ordinal);
    }

    [Fact]
    public void A_log_that_cannot_be_written_is_an_error_before_any_query_runs()
    {
        File.WriteAllText(_temp.PathOf("a-file"), "");

        var ex = Assert.Throws<IOException>(() => new SqlAuditLog(_temp.PathOf("a-file/audit.jsonl")));

        Assert.Contains("cannot be written", ex.Message, StringComparison.Ordinal);
    }
}
