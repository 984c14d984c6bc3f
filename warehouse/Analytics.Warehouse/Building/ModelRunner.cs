using Analytics.DuckDb;

namespace Analytics.Warehouse.Building;

/// <summary>
/// Makes a model's table or view from its SELECT, then comments it and each of its columns from the file's docs. A
/// table or view of the warehouse must document every column it returns, and only those: the check runs here, so
/// a renamed column fails the build naming the file, not a reader later.
/// </summary>
internal static class ModelRunner
{
    private const string ColumnsOf = """
        SELECT column_name, comment FROM duckdb_columns()
        WHERE database_name = current_database() AND schema_name = 'main' AND table_name = $name AND NOT internal
        ORDER BY column_index
        """;

    /// <summary>Runs <paramref name="model"/> on <paramref name="connection"/>.</summary>
    public static void Run(DuckDbConnection connection, SqlModel model, CancellationToken cancellationToken)
    {
        var kind = model.Materialized switch
        {
            Materialization.Table => "TABLE",
            Materialization.View => "VIEW",
            Materialization.TempTable => "TEMP TABLE",
            _ => "TEMP VIEW",
        };
        Execute(connection, model, $"CREATE {kind} {DuckDbConnection.QuoteIdentifier(model.Name)} AS\n{model.Body}", cancellationToken);
        Document(connection, model, cancellationToken);
    }

    /// <summary>Checks that <paramref name="model"/>'s object returns the columns its file documents, and comments them.</summary>
    public static void Document(DuckDbConnection connection, SqlModel model, CancellationToken cancellationToken)
    {
        if (!model.IsPublished)
        {
            return;
        }

        var returned = Columns(connection, model.Name).Select(c => c.Column).ToList();
        var docs = model.ColumnsFrom is { } source
            ? Columns(connection, source).Where(c => returned.Contains(c.Column) && c.Doc.Length > 0).ToList()
            : model.Columns;
        var undocumented = returned.Where(c => docs.All(d => d.Column != c)).ToList();
        var unknown = docs.Select(d => d.Column).Where(c => !returned.Contains(c)).ToList();
        if (undocumented.Count > 0 || unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"Warehouse build step Sql/{model.Path}: the column docs do not match what the model returns" +
                (undocumented.Count > 0 ? $"; undocumented: {string.Join(", ", undocumented)}" : "") +
                (unknown.Count > 0 ? $"; documented but not returned: {string.Join(", ", unknown)}" : "") + ".");
        }

        var target = model.Materialized == Materialization.View ? "VIEW" : "TABLE";
        var statements = new List<string> { $"COMMENT ON {target} {DuckDbConnection.QuoteIdentifier(model.Name)} IS {DuckDbConnection.QuoteLiteral(model.Description!)}" };
        statements.AddRange(docs.Select(c =>
            $"COMMENT ON COLUMN {DuckDbConnection.QuoteIdentifier(model.Name)}.{DuckDbConnection.QuoteIdentifier(c.Column)} IS {DuckDbConnection.QuoteLiteral(c.Doc)}"));
        Execute(connection, model, string.Join(";\n", statements), cancellationToken);
    }

    private static List<ColumnDoc> Columns(DuckDbConnection connection, string name)
    {
        using var command = connection.CreateCommand(ColumnsOf);
        command.Parameters.Add("name", name);
        using var reader = command.ExecuteReader();
        var columns = new List<ColumnDoc>();
        while (reader.Read())
        {
            columns.Add(new ColumnDoc(reader.GetString(0), reader.IsDBNull(1) ? "" : reader.GetString(1)));
        }

        return columns;
    }

    private static void Execute(DuckDbConnection connection, SqlModel model, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand(sql);
        try
        {
            command.ExecuteNonQueryAsync(cancellationToken).GetAwaiter().GetResult();
        }
        catch (DuckDbException ex)
        {
            throw new InvalidOperationException($"Warehouse build step Sql/{model.Path} failed: {ex.Message}", ex);
        }
    }
}
