using System.Text.Json.Serialization;

namespace Analytics.Snapshots.Audit;

/// <summary>
/// One line of the SQL audit log. A query gets a <c>start</c> line before it runs (who, from where, when, on which
/// snapshot, its text capped with the hash and length of the whole) and an <c>end</c> line after (outcome, rows,
/// bytes, time); a request refused before it could run gets one <c>refused</c> line. A <c>start</c> without an
/// <c>end</c> is a query whose server went down while it ran.
/// </summary>
public sealed record SqlAuditEntry
{
    /// <summary><c>start</c>, <c>end</c> or <c>refused</c>.</summary>
    public required string Event { get; init; }

    /// <summary>Ties a query's <c>start</c> and <c>end</c> together.</summary>
    public required string Id { get; init; }

    /// <summary>When (UTC).</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>Who: the signed-in user, or the operating-system user for <c>analytics sql</c>.</summary>
    public string? Who { get; init; }

    /// <summary>From where: the client's address, or <c>cli</c>.</summary>
    public string? Remote { get; init; }

    /// <summary>The entrance: <c>dashboard</c> or <c>cli</c>.</summary>
    public string? Via { get; init; }

    /// <summary>The snapshot's file name.</summary>
    public string? Snapshot { get; init; }

    /// <summary>What the result is written as: <c>table</c> (shown), <c>csv</c>, <c>json</c>, <c>arrow</c> or <c>parquet</c>.</summary>
    public string? Format { get; init; }

    /// <summary>The query text, capped at <see cref="SqlAuditLog.MaxLoggedChars"/> characters.</summary>
    public string? Sql { get; init; }

    /// <summary>The whole text's length in characters.</summary>
    public int? SqlLength { get; init; }

    /// <summary>SHA-256 of the whole text (UTF-8), hex: the same query always has the same hash.</summary>
    public string? SqlSha256 { get; init; }

    /// <summary>How it ended: <c>ok</c>, <c>capped_rows</c>, <c>capped_bytes</c>, <c>refused:&lt;reason&gt;</c>, <c>timed_out</c>, <c>worker_failed</c>, ….</summary>
    public string? Outcome { get; init; }

    /// <summary>Rows returned.</summary>
    public long? Rows { get; init; }

    /// <summary>Bytes returned.</summary>
    public long? Bytes { get; init; }

    /// <summary>Milliseconds from request to answer.</summary>
    public double? Milliseconds { get; init; }

    /// <summary>The worker's process id.</summary>
    public int? Worker { get; init; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SqlAuditEntry))]
internal sealed partial class SqlAuditJson : JsonSerializerContext;
