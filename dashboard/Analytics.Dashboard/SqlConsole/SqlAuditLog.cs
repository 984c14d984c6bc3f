using System.Text.Json;
using Microsoft.Extensions.Options;
using Analytics.Dashboard.Snapshots;

namespace Analytics.Dashboard.SqlConsole;

/// <summary>Every console query, one JSON line each: when, who (remote address), which snapshot, the text, how it ended, rows, time.</summary>
public sealed class SqlAuditLog
{
    private readonly string _path;
    private readonly Lock _gate = new();

    /// <summary>Opens (creates) the log named by <see cref="SqlConsoleOptions.AuditLog"/>.</summary>
    public SqlAuditLog(IOptions<AnalyticsOptions> options, IWebHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        _path = Path.GetFullPath(options.Value.SqlConsole.AuditLog, environment.ContentRootPath);
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
    }

    /// <summary>The log file.</summary>
    public string FilePath => _path;

    /// <summary>Appends one entry.</summary>
    public void Write(SqlAuditEntry entry)
    {
        var line = JsonSerializer.Serialize(entry, SqlAuditJson.Default.SqlAuditEntry) + "\n";
        lock (_gate)
        {
            File.AppendAllText(_path, line);
        }
    }
}

/// <summary>One audit line.</summary>
public sealed record SqlAuditEntry(
    DateTimeOffset At, string? Remote, string? Snapshot, string Sql, string Outcome, int Rows, double Milliseconds, string? Error);

[System.Text.Json.Serialization.JsonSerializable(typeof(SqlAuditEntry))]
[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class SqlAuditJson : System.Text.Json.Serialization.JsonSerializerContext;
