using Analytics.DuckDb;

namespace Analytics.Warehouse.Building;

/// <summary>Reads what a finished build wrote: its lineage and the rows of each table.</summary>
internal static class BuildSummary
{
    private const string Batches = "SELECT batch_id FROM build_lineage ORDER BY started_at, batch_id";

    private const string Tables =
        "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main' ORDER BY table_name";

    /// <summary>The build's result.</summary>
    public static BuildResult Read(DuckDbConnection connection)
    {
        var batches = new List<string>();
        using (var command = connection.CreateCommand(Batches))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                batches.Add(reader.GetString(0));
            }
        }

        var names = new List<string>();
        using (var command = connection.CreateCommand(Tables))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                names.Add(reader.GetString(0));
            }
        }

        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            // Table names come from the database's own catalog, quoted as identifiers.
            using var count = connection.CreateCommand("SELECT count(*) FROM " + DuckDbConnection.QuoteIdentifier(name));
            rows[name] = Convert.ToInt64(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }

        return new BuildResult(batches, rows);
    }
}
