using System.Text.Json;
using Analytics.DuckDb;

namespace Analytics.Dashboard.SqlConsole;

/// <summary>
/// Lets through exactly one SELECT (with WITH, set operations, VALUES, …) and nothing else, judged by DuckDB's own
/// parser: <c>json_serialize_sql</c> serializes SELECT statements only and says why it cannot serialize anything else.
/// Writes, COPY, ATTACH, INSTALL/LOAD, SET, PRAGMA and several statements are refused here; the read-only, locked,
/// no-external-access database behind the console refuses them again should this check ever miss one.
/// </summary>
internal static class StatementCheck
{
    private const string Serialize = "SELECT json_serialize_sql(CAST($q AS VARCHAR))";

    /// <summary>Null when <paramref name="sql"/> is a single SELECT; else why not.</summary>
    public static string? Refusal(DuckDbConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand(Serialize);
        cmd.Parameters.Add("q", sql);
        if (cmd.ExecuteScalar() is not string json)
        {
            return "The query could not be checked.";
        }

        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.True)
        {
            var message = root.TryGetProperty("error_message", out var m) ? m.GetString() : null;
            var type = root.TryGetProperty("error_type", out var t) ? t.GetString() : null;
            return type is "parser" or "PARSER" || (message?.Contains("syntax", StringComparison.OrdinalIgnoreCase) ?? false)
                ? $"Syntax error: {message}"
                : "Only a single read-only SELECT statement can run here (no INSERT/UPDATE/DELETE/CREATE, COPY, ATTACH, INSTALL/LOAD, SET or PRAGMA)."
                  + (message is null ? "" : $" DuckDB: {message}");
        }

        var count = root.TryGetProperty("statements", out var statements) && statements.ValueKind == JsonValueKind.Array
            ? statements.GetArrayLength()
            : 0;
        return count switch
        {
            0 => "Type a SELECT query.",
            1 => null,
            _ => $"One statement at a time: this text holds {count} statements.",
        };
    }
}
