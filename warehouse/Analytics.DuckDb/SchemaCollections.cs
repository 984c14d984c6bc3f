using System.Data;

namespace Analytics.DuckDb;

/// <summary>The collections <see cref="DuckDbConnection.GetSchema(string, string?[])"/> answers, read from information_schema.</summary>
internal static class SchemaCollections
{
    private const string TablesSql =
        "SELECT table_catalog, table_schema, table_name, table_type FROM information_schema.tables " +
        "WHERE ($1 IS NULL OR table_catalog = $1) AND ($2 IS NULL OR table_schema = $2) AND ($3 IS NULL OR table_name = $3) AND ($4 IS NULL OR table_type = $4) " +
        "ORDER BY 1, 2, 3";

    private const string ColumnsSql =
        "SELECT table_catalog, table_schema, table_name, column_name, ordinal_position, data_type, is_nullable, column_default " +
        "FROM information_schema.columns " +
        "WHERE ($1 IS NULL OR table_catalog = $1) AND ($2 IS NULL OR table_schema = $2) AND ($3 IS NULL OR table_name = $3) AND ($4 IS NULL OR column_name = $4) " +
        "ORDER BY 1, 2, 3, 5";

    public static DataTable Get(DuckDbConnection connection, string collectionName, string?[] restrictions)
    {
        switch (collectionName.ToUpperInvariant())
        {
            case "METADATACOLLECTIONS":
                var table = new DataTable("MetaDataCollections");
                table.Columns.Add("CollectionName", typeof(string));
                table.Columns.Add("NumberOfRestrictions", typeof(int));
                table.Rows.Add("MetaDataCollections", 0);
                table.Rows.Add("Tables", 4);
                table.Rows.Add("Columns", 4);
                return table;
            case "TABLES":
                return Query(connection, "Tables", TablesSql, restrictions, 4);
            case "COLUMNS":
                return Query(connection, "Columns", ColumnsSql, restrictions, 4);
            default:
                throw new ArgumentException($"Unknown schema collection '{collectionName}'. Known: MetaDataCollections, Tables, Columns.", nameof(collectionName));
        }
    }

    private static DataTable Query(DuckDbConnection connection, string name, string sql, string?[] restrictions, int count)
    {
        if (restrictions.Length > count)
        {
            throw new ArgumentException($"The {name} collection takes at most {count} restrictions.", nameof(restrictions));
        }

        using var command = connection.CreateCommand(sql);
        for (var i = 0; i < count; i++)
        {
            command.Parameters.AddPositional(i < restrictions.Length ? restrictions[i] : null);
        }

        using var reader = command.ExecuteReader();
        var table = new DataTable(name);
        table.Load(reader);
        return table;
    }
}
