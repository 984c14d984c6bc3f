using Analytics.DuckDb;

namespace Analytics.Warehouse.Disclosure;

/// <summary>
/// The columns of <c>mart_indicator_public</c> are those of <c>mart_indicator</c>: their comments are copied from the
/// table after <c>99_comments.sql</c>, so the two cannot say different things.
/// </summary>
internal static class PublicViewComments
{
    private const string Comments = """
        SELECT c.column_name, c.comment FROM duckdb_columns() c
        JOIN duckdb_columns() v ON v.database_name = c.database_name AND v.schema_name = c.schema_name
         AND v.table_name = 'mart_indicator_public' AND v.column_name = c.column_name
        WHERE c.database_name = current_database() AND c.schema_name = 'main' AND c.table_name = 'mart_indicator' AND c.comment IS NOT NULL
        ORDER BY c.column_index
        """;

    /// <summary>Copies every column comment of <c>mart_indicator</c> to the view.</summary>
    public static void Copy(DuckDbConnection connection)
    {
        var statements = new List<string>();
        using (var command = connection.CreateCommand(Comments))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                statements.Add($"COMMENT ON COLUMN mart_indicator_public.{DuckDbConnection.QuoteIdentifier(reader.GetString(0))} IS {DuckDbConnection.QuoteLiteral(reader.GetString(1))}");
            }
        }

        foreach (var statement in statements)
        {
            using var comment = connection.CreateCommand(statement);
            comment.ExecuteNonQuery();
        }
    }
}
