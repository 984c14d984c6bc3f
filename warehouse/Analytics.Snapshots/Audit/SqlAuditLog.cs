using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Analytics.Snapshots.Pool;
using Analytics.Snapshots.Sql;

namespace Analytics.Snapshots.Audit;

/// <summary>Who asked: a person or program, from where, through which entrance.</summary>
/// <param name="Who">The signed-in user (or the operating-system user).</param>
/// <param name="Remote">The client's address, or <c>cli</c>.</param>
/// <param name="Via"><c>dashboard</c> or <c>cli</c>.</param>
public sealed record SqlRequester(string? Who, string? Remote, string Via);

/// <summary>
/// The SQL audit log: JSON lines (<see cref="SqlAuditEntry"/>), written before a query runs and after it ends, so a
/// crash of the worker, or of the server itself, still leaves the query on record; bounded and rotated, and shareable
/// by several processes (<see cref="AuditFile"/>).
/// </summary>
public sealed class SqlAuditLog
{
    /// <summary>Longest query text kept in a line; the hash and length describe the whole.</summary>
    public const int MaxLoggedChars = 4000;

    /// <summary>Lines as people read them: Chinese and quotes as they are, not \u escapes (JSON stays valid).</summary>
    private static readonly SqlAuditJson Json = new(new JsonSerializerOptions
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    });

    private readonly AuditFile _file;

    /// <summary>Opens (creates) the log at <paramref name="path"/>.</summary>
    /// <exception cref="IOException">The log's folder cannot be created or the log cannot be written: no query may run unaudited.</exception>
    public SqlAuditLog(string path, long maxBytes = 10 * 1024 * 1024, int keep = 5)
    {
        _file = new AuditFile(path, "SQL audit log", maxBytes, keep);
    }

    /// <summary>The log file.</summary>
    public string FilePath => _file.FilePath;

    /// <summary>Writes the <c>start</c> line of a query about to run; returns its id for <see cref="End"/>.</summary>
    /// <param name="requester">Who asks, from where.</param>
    /// <param name="snapshot">The snapshot it runs on.</param>
    /// <param name="sql">The query.</param>
    /// <param name="format">What the result is written as (<c>table</c>, <c>csv</c>, <c>json</c>, <c>arrow</c>, <c>parquet</c>).</param>
    public string Start(SqlRequester requester, string? snapshot, string sql, string? format = null)
    {
        ArgumentNullException.ThrowIfNull(requester);
        var id = Guid.NewGuid().ToString("N")[..16];
        Append(WithText(new SqlAuditEntry
        {
            Event = "start", Id = id, At = DateTimeOffset.UtcNow, Who = requester.Who, Remote = requester.Remote, Via = requester.Via,
            Snapshot = snapshot is null ? null : Path.GetFileName(snapshot), Format = format,
        }, sql));
        return id;
    }

    /// <summary>Writes the <c>end</c> line of query <paramref name="id"/>.</summary>
    public void End(string id, SqlRunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Append(new SqlAuditEntry
        {
            Event = "end", Id = id, At = DateTimeOffset.UtcNow, Outcome = result.AuditOutcome, Rows = result.Rows, Bytes = result.Bytes,
            Milliseconds = Math.Round(result.Elapsed.TotalMilliseconds, 1), Worker = result.Worker,
        });
    }

    /// <summary>Writes the one line of a request refused before any query could run (bad text, oversize body, a failed antiforgery check, …).</summary>
    public void Refused(SqlRequester requester, string? snapshot, string? sql, SqlProblem problem)
    {
        ArgumentNullException.ThrowIfNull(requester);
        ArgumentNullException.ThrowIfNull(problem);
        Append(WithText(new SqlAuditEntry
        {
            Event = "refused", Id = Guid.NewGuid().ToString("N")[..16], At = DateTimeOffset.UtcNow, Who = requester.Who, Remote = requester.Remote,
            Via = requester.Via, Snapshot = snapshot is null ? null : Path.GetFileName(snapshot), Outcome = problem.AuditOutcome,
        }, sql));
    }

    private static SqlAuditEntry WithText(SqlAuditEntry entry, string? sql) => sql is null ? entry : entry with
    {
        Sql = sql.Length > MaxLoggedChars ? sql[..MaxLoggedChars] : sql,
        SqlLength = sql.Length,
        SqlSha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql))),
    };

    private void Append(SqlAuditEntry entry) => _file.Append(JsonSerializer.SerializeToUtf8Bytes(entry, Json.SqlAuditEntry));
}
