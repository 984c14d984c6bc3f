using Analytics.DuckDb;

namespace Analytics.Warehouse.Snapshots;

/// <summary>Exports the marts (tables and views named <c>mart_*</c>) of a database as Parquet files, one per mart.</summary>
internal static class MartExport
{
    private const string MartsSql = """
        SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main' AND starts_with(table_name, 'mart_')
        UNION
        SELECT view_name FROM duckdb_views() WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal AND starts_with(view_name, 'mart_')
        ORDER BY 1
        """;

    /// <summary>Writes <c>&lt;mart&gt;.parquet</c> (zstd) for every mart into <paramref name="folder"/>; returns the file names.</summary>
    public static IReadOnlyList<string> Export(DuckDbConnection connection, string folder, CancellationToken token)
    {
        var marts = new List<string>();
        using (var list = connection.CreateCommand(MartsSql))
        using (var reader = list.ExecuteReader())
        {
            while (reader.Read())
            {
                marts.Add(reader.GetString(0));
            }
        }

        Directory.CreateDirectory(folder);
        var files = new List<string>();
        foreach (var mart in marts)
        {
            token.ThrowIfCancellationRequested();
            var file = mart + ".parquet";

            // COPY takes no parameters; the path is ours (the snapshot folder) and quoted as a literal.
            using var copy = connection.CreateCommand(
                $"COPY (SELECT * FROM {DuckDbConnection.QuoteIdentifier(mart)}) TO {DuckDbConnection.QuoteLiteral(Path.Combine(folder, file))} (FORMAT parquet, COMPRESSION zstd)");
            copy.ExecuteNonQueryAsync(token).GetAwaiter().GetResult();
            files.Add(file);
        }

        return files;
    }
}
