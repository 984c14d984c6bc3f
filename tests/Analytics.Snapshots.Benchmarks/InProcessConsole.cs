using System.Text.Json;
using Analytics.DuckDb;
using Analytics.Snapshots.Formatting;

/// <summary>
/// The console as it ran before the worker pool, in the dashboard's own process, for the baseline: a connection with
/// the console's locked-down settings per query (its own native instance: no other connection shares the settings),
/// the parser check, the query, the rows as text.
/// </summary>
internal static class InProcessConsole
{
    public static int Run(string snapshot, string sql)
    {
        var builder = new DuckDbConnectionStringBuilder { DataSource = snapshot, AccessMode = "READ_ONLY", EnableExternalAccess = false, MemoryLimit = "512MB", Threads = 1 };
        builder["autoload_known_extensions"] = "false";
        builder["autoinstall_known_extensions"] = "false";
        builder["lock_configuration"] = "true";
        using var connection = new DuckDbConnection(builder.ConnectionString);
        connection.Open();
        using (var check = connection.CreateCommand("SELECT json_serialize_sql(CAST($q AS VARCHAR))"))
        {
            check.Parameters.Add("q", sql);
            using var json = JsonDocument.Parse((string)check.ExecuteScalar()!);
            if (json.RootElement.GetProperty("error").GetBoolean())
            {
                throw new InvalidOperationException("refused");
            }
        }

        using var command = connection.CreateCommand(sql);
        using var reader = command.ExecuteReader();
        var rows = 0;
        while (reader.Read())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                _ = reader.IsDBNull(i) ? null : ValueText.Format(reader.GetValue(i));
            }

            rows++;
        }

        return rows;
    }
}
