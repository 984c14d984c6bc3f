using System.Text.Json;
using System.Text.Json.Serialization;
using Analytics.Snapshots.Audit;

namespace Analytics.Accounts;

/// <summary>One line of the access log.</summary>
/// <param name="Event">
/// <c>login</c>, <c>login_failed</c>, <c>locked_out</c>, <c>logout</c>, <c>denied</c> (403: signed in, not allowed),
/// <c>unauthenticated</c> (401 or a redirect to the login page), <c>download</c> (a CSV sent to a signed-in account), or an account change: <c>account_added</c>,
/// <c>account_disabled</c>, <c>account_enabled</c>, <c>token_created</c>, <c>token_revoked</c>.
/// </param>
/// <param name="At">When (UTC).</param>
/// <param name="Who">The account (or the name tried at login).</param>
/// <param name="Remote">The client's address, or <c>cli</c>.</param>
/// <param name="Path">The request (method, path and query), for denied requests and downloads.</param>
/// <param name="Detail">The role, the token's prefix, why a login failed.</param>
public sealed record AccessEntry(string Event, DateTimeOffset At, string? Who, string? Remote, string? Path = null, string? Detail = null);

/// <summary>
/// Who signed in, out, or was turned away, and every change to accounts: JSON lines in a bounded, rotated file
/// (<see cref="AuditFile"/>), beside the SQL audit log.
/// </summary>
public sealed class AccessLog
{
    private static readonly AccessJson Json = new(new JsonSerializerOptions
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    });

    private readonly AuditFile _file;

    /// <summary>Opens (creates) the log at <paramref name="path"/>.</summary>
    public AccessLog(string path, long maxBytes = 10 * 1024 * 1024)
    {
        _file = new AuditFile(path, "access log", maxBytes);
    }

    /// <summary>The log file.</summary>
    public string FilePath => _file.FilePath;

    /// <summary>Appends one event.</summary>
    public void Write(string @event, string? who, string? remote, string? path = null, string? detail = null) =>
        _file.Append(JsonSerializer.SerializeToUtf8Bytes(new AccessEntry(@event, DateTimeOffset.UtcNow, who, remote, path, detail), Json.AccessEntry));
}

[JsonSerializable(typeof(AccessEntry))]
internal sealed partial class AccessJson : JsonSerializerContext;
