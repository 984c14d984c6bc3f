using Analytics.DuckDb;

namespace Analytics.TestSupport;

/// <summary>
/// The product's table shapes, for the few fixtures that must be hand-written (broken or partial data): their tables
/// are created from <see cref="ProductSnapshot"/>'s — same columns, same types — and filled by column name, so a
/// fixture column the product does not write fails the fixture instead of hiding a reader's drift.
/// </summary>
public static class RealShape
{
    /// <summary>
    /// Creates each of <paramref name="tables"/> in <paramref name="connection"/>'s database, empty, with the columns and
    /// types the product snapshot gives it (<c>CREATE TABLE t AS SELECT * FROM product.t LIMIT 0</c>). Fill them with
    /// <c>INSERT INTO t BY NAME SELECT …</c>: columns left out stay NULL, a column the product lacks is an error.
    /// </summary>
    public static void CreateEmpty(DuckDbConnection connection, params string[] tables)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(tables);
        Execute(connection, $"ATTACH {DuckDbConnection.QuoteLiteral(ProductSnapshot.SnapshotPath)} AS product (READ_ONLY)");
        try
        {
            foreach (var table in tables)
            {
                var name = DuckDbConnection.QuoteIdentifier(table);
                Execute(connection, $"CREATE TABLE {name} AS SELECT * FROM product.main.{name} LIMIT 0");
            }
        }
        finally
        {
            Execute(connection, "DETACH product");
        }
    }

    /// <summary>The product's columns of <paramref name="table"/>, in order.</summary>
    public static IReadOnlyList<string> Columns(string table)
    {
        using var connection = new DuckDbConnection($"Data Source={ProductSnapshot.SnapshotPath};access_mode=READ_ONLY");
        connection.Open();
        using var command = connection.CreateCommand(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = 'main' AND table_name = $table ORDER BY ordinal_position");
        command.Parameters.Add("table", table);
        using var reader = command.ExecuteReader();
        var columns = new List<string>();
        while (reader.Read())
        {
            columns.Add(reader.GetString(0));
        }

        return columns.Count > 0 ? columns : throw new ArgumentException($"The product snapshot has no table '{table}'.", nameof(table));
    }

    private static void Execute(DuckDbConnection connection, string sql)
    {
        using var command = connection.CreateCommand(sql);
        command.ExecuteNonQuery();
    }
}
