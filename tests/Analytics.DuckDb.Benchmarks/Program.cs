// Provider benchmark: prints figures, asserts nothing (run: dotnet run -c Release --project tests/Analytics.DuckDb.Benchmarks [-- --rows N]).
using System.Diagnostics;
using System.Globalization;
using Analytics.DuckDb;
using Analytics.DuckDb.Benchmarks;

var rows = args.Length >= 2 && args[0] == "--rows" ? long.Parse(args[1], CultureInfo.InvariantCulture) : 10_000_000L;
var dir = Directory.CreateTempSubdirectory("duckdb-bench-");
try
{
    using var connection = new DuckDbConnection($"Data Source={Path.Combine(dir.FullName, "bench.duckdb")}");
    connection.Open();
    Console.WriteLine($"DuckDB {connection.ServerVersion}, {Environment.ProcessorCount} cores, {rows:N0} rows of (BIGINT, DOUBLE, DECIMAL(18,2), VARCHAR, DATE, nullable INTEGER)");
    Execute(connection, BenchmarkData.CreateTableSql(rows));

    // Ceilings: the same scan done inside DuckDB, and the bare chunk loop that any client must pay.
    var inside = Measure("DuckDB aggregate over the six columns (inside the engine)", rows, () => Execute(connection, BenchmarkData.AggregateSql));
    var chunks = Measure("duckdb_fetch_chunk loop, no values read (C-loop ceiling)", rows, () => BenchmarkData.FetchChunksOnly(connection));
    var reader = Measure("DbDataReader typed getters, every value read", rows, () => BenchmarkData.ReadAll(connection));
    Console.WriteLine();
    Console.WriteLine($"reader / chunk-loop ceiling : {reader / chunks:P0}   (goal: at least 50%)");
    Console.WriteLine($"reader / in-engine aggregate: {reader / inside:P0}");

    // Appender against DuckDB's own INSERT INTO … SELECT from a Parquet file of the same rows.
    var parquet = Path.Combine(dir.FullName, "bench.parquet");
    Execute(connection, $"COPY bench TO '{parquet}' (FORMAT parquet, COMPRESSION zstd)");
    Execute(connection, BenchmarkData.CreateTargetSql("from_parquet"));
    var insert = Measure("INSERT INTO … SELECT * FROM read_parquet(…)", rows, () => Execute(connection, $"INSERT INTO from_parquet SELECT * FROM read_parquet('{parquet}')"));
    Execute(connection, BenchmarkData.CreateTargetSql("appended"));
    var values = BenchmarkData.Materialise(connection, Math.Min(rows, 10_000_000));
    var append = Measure("DuckDbAppender, typed appends", values.Count, () => BenchmarkData.Append(connection, "appended", values));
    Console.WriteLine();
    Console.WriteLine($"appender / INSERT … SELECT from Parquet: {append / insert:P0}");
}
finally
{
    dir.Delete(recursive: true);
}

static void Execute(DuckDbConnection connection, string sql)
{
    using var command = connection.CreateCommand(sql);
    command.ExecuteNonQuery();
}

static double Measure(string what, long rows, Action action)
{
    action(); // warm-up (also fills caches the same way for every contender)
    var best = double.MaxValue;
    for (var i = 0; i < 3; i++)
    {
        GC.Collect();
        var stopwatch = Stopwatch.StartNew();
        action();
        best = Math.Min(best, stopwatch.Elapsed.TotalSeconds);
    }

    var rate = rows / best;
    Console.WriteLine($"{what,-60} {best,7:F3} s  {rate / 1e6,7:F1} M rows/s");
    return rate;
}
