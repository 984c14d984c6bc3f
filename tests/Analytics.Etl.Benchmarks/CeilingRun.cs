using System.Diagnostics;
using System.Globalization;
using Analytics.DuckDb;

namespace Analytics.Etl.Benchmarks;

/// <summary>
/// Child mode: the ceiling — DuckDB alone turning the same rows into zstd Parquet, with the staging database's
/// resources (threads, memory limit). CSV is read header=true, all_varchar=true; JSON Lines with every column
/// VARCHAR (applicants VARCHAR[]), so neither side gets to skip type work the other does not.
/// </summary>
internal static class CeilingRun
{
    private const string PatentColumns =
        "{application_no: 'VARCHAR', patent_type: 'VARCHAR', title: 'VARCHAR', applicants: 'VARCHAR[]', application_date: 'VARCHAR', " +
        "publication_date: 'VARCHAR', grant_date: 'VARCHAR', legal_status: 'VARCHAR', ipc_main: 'VARCHAR'}";

    public static Measurement Run(string feed, IReadOnlyList<string> files, string output, string memoryLimit)
    {
        Directory.CreateDirectory(output);
        var target = Path.Combine(output, feed + ".parquet");
        var list = "[" + string.Join(", ", files.Select(Literal)) + "]";
        var source = feed == "patents"
            ? $"read_json({list}, format = 'newline_delimited', columns = {PatentColumns})"
            : $"read_csv({list}, header = true, all_varchar = true)";
        var settings = new DuckDbConnectionStringBuilder
        {
            DataSource = DuckDbConnectionStringBuilder.InMemory, MemoryLimit = memoryLimit, Threads = Environment.ProcessorCount,
        };
        settings["temp_directory"] = Path.Combine(output, "spill");
        using var connection = new DuckDbConnection(settings.ConnectionString);
        connection.Open();

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        using (var copy = connection.CreateCommand($"COPY (SELECT * FROM {source}) TO {Literal(target)} (FORMAT parquet, COMPRESSION zstd)"))
        {
            copy.ExecuteNonQuery();
        }

        var seconds = stopwatch.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        using var count = connection.CreateCommand($"SELECT count(*) FROM read_parquet({Literal(target)})");
        var rows = Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture);
        return new Measurement(feed, seconds, rows, rows, 0, PeakMemory.Bytes(), cpuSeconds);
    }

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
