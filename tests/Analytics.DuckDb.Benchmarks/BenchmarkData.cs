using System.Data;
using Analytics.DuckDb;

namespace Analytics.DuckDb.Benchmarks;

/// <summary>The benchmark's table, its scans and its appends.</summary>
internal static class BenchmarkData
{
    public const string AggregateSql =
        "SELECT sum(id), sum(amount), sum(price), sum(length(name)), max(day), count(score) FROM bench";

    public static string CreateTableSql(long rows) => $"""
        CREATE OR REPLACE TABLE bench AS
        SELECT i::BIGINT AS id,
               i * 0.25 AS amount,
               ((i % 1000000) / 100.0)::DECIMAL(18,2) AS price,
               CASE WHEN i % 3 = 0 THEN '重庆市企业' || i ELSE 'firm-' || (i % 1000) END AS name,
               DATE '2012-01-01' + (i % 4000)::INTEGER AS day,
               CASE WHEN i % 10 = 0 THEN NULL ELSE (i % 100000)::INTEGER END AS score
        FROM range({rows}) t(i)
        """;

    public static string CreateTargetSql(string name) =>
        $"CREATE OR REPLACE TABLE {name} (id BIGINT, amount DOUBLE, price DECIMAL(18,2), name VARCHAR, day DATE, score INTEGER)";

    public static void FetchChunksOnly(DuckDbConnection connection)
    {
        using var command = connection.CreateCommand("SELECT * FROM bench");
        using var reader = command.ExecuteReader();
        reader.SkipChunksForBenchmark();
    }

    public static long ReadAll(DuckDbConnection connection)
    {
        using var command = connection.CreateCommand("SELECT * FROM bench");
        using var reader = command.ExecuteReader();
        long checksum = 0;
        double amount = 0;
        decimal price = 0;
        while (reader.Read())
        {
            checksum += reader.GetInt64(0);
            amount += reader.GetDouble(1);
            price += reader.GetDecimal(2);
            checksum += reader.GetString(3).Length;
            checksum += reader.GetFieldValue<DateOnly>(4).DayNumber;
            if (!reader.IsDBNull(5))
            {
                checksum += reader.GetInt32(5);
            }
        }

        return checksum + (long)amount + (long)price;
    }

    public static List<(long Id, double Amount, decimal Price, string Name, DateOnly Day, int? Score)> Materialise(DuckDbConnection connection, long rows)
    {
        var list = new List<(long, double, decimal, string, DateOnly, int?)>((int)rows);
        using var command = connection.CreateCommand($"SELECT * FROM bench LIMIT {rows}");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            list.Add((reader.GetInt64(0), reader.GetDouble(1), reader.GetDecimal(2), reader.GetString(3),
                reader.GetFieldValue<DateOnly>(4), reader.IsDBNull(5) ? null : reader.GetInt32(5)));
        }

        return list;
    }

    public static void Append(DuckDbConnection connection, string table, List<(long Id, double Amount, decimal Price, string Name, DateOnly Day, int? Score)> values)
    {
        using (var command = connection.CreateCommand($"DELETE FROM {table}"))
        {
            command.ExecuteNonQuery();
        }

        using var appender = connection.CreateAppender(table);
        foreach (var v in values)
        {
            var row = appender.CreateRow().Append(v.Id).Append(v.Amount).Append(v.Price).Append(v.Name).Append(v.Day);
            (v.Score is { } s ? row.Append(s) : row.AppendNull()).EndRow();
        }

        appender.Close();
    }
}
