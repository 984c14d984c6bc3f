using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Analytics.DuckDb.Tests;

/// <summary>
/// What the appender writes is read back by other means than this provider's reader: DuckDB's own CSV and Parquet
/// writers, and DuckDB's Node client (<c>@duckdb/node-api</c>, pinned in package.json) reading the Parquet and the
/// database file in a separate process.
/// </summary>
public sealed class IndependentClientTests
{
    private sealed record Row(long? Id, double? Score, decimal? Amount, string? Name, DateOnly? Day, DateTime? At, bool? Ok);

    private static readonly Row[] Rows =
    [
        new(1, 0.25, 12.34m, "重庆市璧山区璧泉街道", new DateOnly(2024, 1, 2), new DateTime(2024, 1, 2, 3, 4, 5).AddTicks(1_234_560), true),
        new(long.MaxValue, -1e300, -9999999999999999.99m, "a, \"quoted\" value\nacross lines", new DateOnly(1, 1, 1), new DateTime(1969, 12, 31, 23, 59, 59), false),
        new(long.MinValue, double.Epsilon, 0.01m, "", new DateOnly(9999, 12, 31), new DateTime(9999, 12, 31, 23, 59, 59, 999, 999), true),
        new(42, 1.0 / 3, 0m, "short", new DateOnly(1970, 1, 1), new DateTime(2000, 2, 29, 12, 0, 0), null),
        new(null, null, null, null, null, null, null),
    ];

    [Fact]
    public void Duckdbs_csv_writer_reads_back_what_the_appender_wrote()
    {
        using var temp = new TempDirectory();
        var csv = temp.File("rows.csv");
        using (var connection = Sql.OpenMemory())
        {
            AppendRows(connection);
            connection.Execute($"COPY (SELECT * FROM t ORDER BY seq) TO '{csv}' (HEADER, DELIMITER ',')");
        }

        var records = ParseCsv(File.ReadAllText(csv, Encoding.UTF8));
        Assert.Equal(["seq", "id", "score", "amount", "name", "day", "at_time", "ok"], records[0].Select(f => f.Text));
        Assert.Equal(Rows.Length + 1, records.Count);
        for (var i = 0; i < Rows.Length; i++)
        {
            var fields = records[i + 1];
            var expected = Rows[i];
            Assert.Equal(i.ToString(CultureInfo.InvariantCulture), fields[0].Text);
            Assert.Equal(expected.Id, NullOr(fields[1], s => (long?)long.Parse(s, CultureInfo.InvariantCulture)));
            Assert.Equal(expected.Score, NullOr(fields[2], s => (double?)double.Parse(s, CultureInfo.InvariantCulture)));
            Assert.Equal(expected.Amount, NullOr(fields[3], s => (decimal?)decimal.Parse(s, CultureInfo.InvariantCulture)));
            Assert.Equal(expected.Name, NullOr(fields[4], s => s));
            Assert.Equal(expected.Day, NullOr(fields[5], s => (DateOnly?)DateOnly.Parse(s, CultureInfo.InvariantCulture)));
            Assert.Equal(expected.At, NullOr(fields[6], s => (DateTime?)DateTime.Parse(s, CultureInfo.InvariantCulture)));
            Assert.Equal(expected.Ok, NullOr(fields[7], s => (bool?)bool.Parse(s)));
        }
    }

    [Fact]
    public void Duckdbs_node_client_reads_back_the_parquet_file_and_the_database_file()
    {
        using var temp = new TempDirectory();
        var parquet = temp.File("rows.parquet");
        var database = temp.File("rows.duckdb");
        using (var connection = Sql.OpenFile(database))
        {
            AppendRows(connection);
            connection.Execute($"COPY (SELECT * FROM t ORDER BY seq) TO '{parquet}' (FORMAT parquet)");
        }

        // The database is closed: the Node process can open the file.
        var output = RunNode(temp, parquet, database);
        using var json = JsonDocument.Parse(output);
        AssertRows(json.RootElement.GetProperty("parquet"));
        AssertRows(json.RootElement.GetProperty("database"));
    }

    private static void AppendRows(DuckDbConnection connection)
    {
        connection.Execute("CREATE TABLE t (seq INTEGER, id BIGINT, score DOUBLE, amount DECIMAL(18,2), name VARCHAR, day DATE, at_time TIMESTAMP, ok BOOLEAN)");
        using var appender = connection.CreateAppender("t");
        for (var i = 0; i < Rows.Length; i++)
        {
            var r = Rows[i];
            appender.CreateRow().Append(i).Append(r.Id).Append(r.Score).Append(r.Amount).Append(r.Name).Append(r.Day).Append(r.At).Append(r.Ok).EndRow();
        }
    }

    private static void AssertRows(JsonElement rows)
    {
        Assert.Equal(Rows.Length, rows.GetArrayLength());
        for (var i = 0; i < Rows.Length; i++)
        {
            var row = rows[i];
            var expected = Rows[i];

            // The Node client writes BIGINT, DECIMAL, DATE and TIMESTAMP as JSON strings, DOUBLE as a number.
            Assert.Equal(i, row.GetProperty("seq").GetInt32());
            Assert.Equal(expected.Id, Json(row, "id", e => (long?)long.Parse(e.GetString()!, CultureInfo.InvariantCulture)));
            Assert.Equal(expected.Score, Json(row, "score", e => (double?)e.GetDouble()));
            Assert.Equal(expected.Amount, Json(row, "amount", e => (decimal?)decimal.Parse(e.GetString()!, CultureInfo.InvariantCulture)));
            Assert.Equal(expected.Name, Json(row, "name", e => e.GetString()));
            Assert.Equal(expected.Day, Json(row, "day", e => (DateOnly?)DateOnly.Parse(e.GetString()!, CultureInfo.InvariantCulture)));
            Assert.Equal(expected.At, Json(row, "at_time", e => (DateTime?)DateTime.Parse(e.GetString()!, CultureInfo.InvariantCulture)));
            Assert.Equal(expected.Ok, Json(row, "ok", e => (bool?)e.GetBoolean()));
        }
    }

    /// <summary>The property read by <paramref name="read"/>, or null; T is nullable so that null is distinct from a value.</summary>
    private static T? Json<T>(JsonElement row, string name, Func<JsonElement, T> read)
    {
        var value = row.GetProperty(name);
        return value.ValueKind == JsonValueKind.Null ? default : read(value);
    }

    private static T? NullOr<T>((string Text, bool Quoted) field, Func<string, T> parse) =>
        field.Text.Length == 0 && !field.Quoted ? default : parse(field.Text);

    private static string RunNode(TempDirectory temp, string parquet, string database)
    {
        var nodeApi = Path.Combine(RepositoryRoot(), "node_modules", "@duckdb", "node-api");
        Assert.True(Directory.Exists(nodeApi), $"@duckdb/node-api is not installed at {nodeApi}; run 'npm install' at the repository root.");
        var script = temp.File("read.js");
        File.WriteAllText(script, """
            const duckdb = require(process.argv[2]);
            (async () => {
              const memory = await (await duckdb.DuckDBInstance.create(':memory:')).connect();
              const parquet = (await memory.runAndReadAll(`SELECT * FROM read_parquet('${process.argv[3]}') ORDER BY seq`)).getRowObjectsJson();
              const file = await (await duckdb.DuckDBInstance.create(process.argv[4], { access_mode: 'READ_ONLY' })).connect();
              const database = (await file.runAndReadAll('SELECT * FROM t ORDER BY seq')).getRowObjectsJson();
              process.stdout.write(JSON.stringify({ parquet, database }));
            })().catch(e => { console.error(e); process.exit(1); });
            """);

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in new[] { script, nodeApi, parquet, database })
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception ex)
        {
            Assert.Fail($"Node.js ('node') is needed for this test and was not found on PATH ({ex.Message}). Install Node.js 18 or later; CI has it.");
            throw;
        }

        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            Assert.True(process.WaitForExit(60_000), "node did not finish within 60 s.");
            Assert.True(process.ExitCode == 0, $"node failed with exit code {process.ExitCode}: {stderr.Result}");
            return stdout;
        }
    }

    /// <summary>The folder holding package.json, found by walking up from the test assembly.</summary>
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "package.json")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No package.json above {AppContext.BaseDirectory}; the tests must run inside the repository.");
    }

    /// <summary>RFC 4180 records; each field with whether it was quoted (DuckDB quotes an empty string, not a NULL).</summary>
    private static List<List<(string Text, bool Quoted)>> ParseCsv(string text)
    {
        var records = new List<List<(string, bool)>>();
        var record = new List<(string, bool)>();
        var field = new StringBuilder();
        var quoted = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"' && field.Length == 0 && !quoted)
            {
                quoted = true;
                i++;
                while (i < text.Length)
                {
                    if (text[i] == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i += 2;
                    }
                    else if (text[i] == '"')
                    {
                        i++;
                        break;
                    }
                    else
                    {
                        field.Append(text[i++]);
                    }
                }

                continue;
            }

            if (c is ',' or '\n')
            {
                record.Add((field.ToString(), quoted));
                field.Clear();
                quoted = false;
                if (c == '\n')
                {
                    records.Add(record);
                    record = [];
                }
            }
            else if (c != '\r')
            {
                field.Append(c);
            }

            i++;
        }

        if (field.Length > 0 || record.Count > 0)
        {
            record.Add((field.ToString(), quoted));
            records.Add(record);
        }

        return records;
    }
}
