using Analytics.DuckDb;

namespace Analytics.Warehouse.SqlConsole;

/// <summary>Writes a checked query's result as Parquet from a DuckDB that can write exactly one file (see <see cref="SqlConsole.ExportParquet"/>).</summary>
internal static class ParquetExport
{
    public static long Write(SqlConsole console, string query, string target, CancellationToken token)
    {
        if (string.Equals(target, console.SnapshotPath, StringComparison.Ordinal))
        {
            throw new SqlRefusedException(SqlRefusal.FileAccess, $"--out '{target}' is the snapshot itself; choose another file.");
        }

        var folder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(folder);
        var partial = Path.Combine(folder, "." + Path.GetFileName(target) + "." + Guid.NewGuid().ToString("N")[..8] + ".partial");
        var options = console.Options;
        var builder = new DuckDbConnectionStringBuilder { DataSource = DuckDbConnectionStringBuilder.InMemory, MemoryLimit = options.MemoryLimit, Threads = options.Threads };
        builder["autoload_known_extensions"] = "false";
        builder["autoinstall_known_extensions"] = "false";
        try
        {
            using var connection = new DuckDbConnection(builder.ConnectionString);
            connection.Open();
            var catalog = DuckDbConnection.QuoteIdentifier(console.Catalog);

            // Paths are ours (the snapshot and the temporary file), quoted as literals: ATTACH and COPY take no parameters.
            Run(connection, $"ATTACH {SqlLiteral.Quote(console.SnapshotPath)} AS {catalog} (READ_ONLY)");
            Run(connection, $"USE {catalog}");
            Run(connection, $"SET allowed_paths = [{SqlLiteral.Quote(partial)}]");
            Run(connection, "SET enable_external_access = false");
            Run(connection, "SET lock_configuration = true");

            // The query is one SELECT by DuckDB's own parser; the newline ends a trailing -- comment inside the brackets.
            using var copy = connection.CreateCommand($"COPY (\n{query}\n) TO {SqlLiteral.Quote(partial)} (FORMAT parquet, COMPRESSION zstd, USE_TMP_FILE false)");
            copy.CommandTimeout = options.TimeoutSeconds;
            long rows;
            try
            {
                rows = copy.ExecuteNonQueryAsync(token).GetAwaiter().GetResult();
            }
            catch (Exception ex) when (console.Translate(ex, token) is { } translated)
            {
                throw translated;
            }

            File.Move(partial, target, overwrite: true);
            return rows;
        }
        finally
        {
            File.Delete(partial);
        }
    }

    private static void Run(DuckDbConnection connection, string sql)
    {
        using var command = connection.CreateCommand(sql);
        command.ExecuteNonQuery();
    }
}
