using System.Diagnostics;
using Analytics.DuckDb;

namespace Analytics.Snapshots.Worker;

/// <summary>
/// Writes a checked query's whole result as Parquet (zstd) with DuckDB's own writer, from an instance that may write
/// exactly one file: an in-memory DuckDB that attaches the snapshot read-only, allows only the output path, then turns
/// file access off and locks its configuration. The file is weighed while it grows and the copy is stopped at the byte cap.
/// </summary>
internal static class ParquetCopy
{
    /// <summary>Copies the result to <paramref name="output"/>; returns the rows written, or null when the byte cap stopped it (the file is then removed).</summary>
    public static long? Write(string query, string snapshot, string output, long maxBytes, WorkerSettings settings, string tempDirectory, CancellationToken deadline)
    {
        // File access is switched off below, once the one output path is allowed (settings given at open cannot allow it).
        var builder = SandboxInstance.Limited(DuckDbConnectionStringBuilder.InMemory, settings, tempDirectory);
        using var connection = new DuckDbConnection(builder.ConnectionString);
        connection.Open();
        var catalog = DuckDbConnection.QuoteIdentifier(Path.GetFileNameWithoutExtension(snapshot));

        // Paths are the worker's own (the snapshot, the output its pool chose) as literals: ATTACH and SET take no parameters.
        Run(connection, $"ATTACH {DuckDbConnection.QuoteLiteral(snapshot)} AS {catalog} (READ_ONLY)");
        Run(connection, $"USE {catalog}");
        Run(connection, $"SET allowed_paths = [{DuckDbConnection.QuoteLiteral(output)}]");
        Run(connection, "SET enable_external_access = false");
        Run(connection, "SET lock_configuration = true");

        using var tooLarge = CancellationTokenSource.CreateLinkedTokenSource(deadline);
        using var watch = new Timer(_ =>
        {
            if (File.Exists(output) && new FileInfo(output).Length > maxBytes)
            {
                tooLarge.Cancel();
            }
        }, null, TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(50));

        // The query is one SELECT by DuckDB's parser; the newline ends a trailing -- comment inside the brackets.
        using var copy = connection.CreateCommand($"COPY (\n{query}\n) TO {DuckDbConnection.QuoteLiteral(output)} (FORMAT parquet, COMPRESSION zstd, USE_TMP_FILE false)");
        try
        {
            var rows = copy.ExecuteNonQueryAsync(tooLarge.Token).GetAwaiter().GetResult();
            if (new FileInfo(output).Length > maxBytes)
            {
                File.Delete(output);
                return null;
            }

            return rows;
        }
        catch (OperationCanceledException) when (!deadline.IsCancellationRequested)
        {
            Debug.Assert(tooLarge.IsCancellationRequested, "only the size watch cancels on its own");
            File.Delete(output);
            return null;
        }
        catch
        {
            File.Delete(output);
            throw;
        }
    }

    private static void Run(DuckDbConnection connection, string sql)
    {
        using var command = connection.CreateCommand(sql);
        command.ExecuteNonQuery();
    }
}
