using System.Globalization;

namespace Analytics.DuckDb.Tests;

/// <summary>Opening connections and running SQL in tests.</summary>
internal static class Sql
{
    public static DuckDbConnection OpenMemory() => Open("Data Source=:memory:");

    public static DuckDbConnection Open(string connectionString)
    {
        var connection = new DuckDbConnection(connectionString);
        connection.Open();
        return connection;
    }

    public static DuckDbConnection OpenFile(string path) => Open("Data Source=" + path);

    /// <summary>The first value of the first row; positional parameters fill <c>$1</c>, <c>$2</c>, ….</summary>
    public static object? Scalar(this DuckDbConnection connection, string sql, params object?[] positional)
    {
        using var command = connection.CreateCommand(sql);
        foreach (var value in positional)
        {
            command.Parameters.AddPositional(value);
        }

        return command.ExecuteScalar();
    }

    public static int Execute(this DuckDbConnection connection, string sql)
    {
        using var command = connection.CreateCommand(sql);
        return command.ExecuteNonQuery();
    }

    /// <summary>A reader positioned on the first row of <paramref name="sql"/>.</summary>
    public static DuckDbDataReader ReadRow(this DuckDbConnection connection, string sql)
    {
        var reader = connection.CreateCommand(sql).ExecuteReader();
        Assert.True(reader.Read(), "The query returned no row: " + sql);
        return reader;
    }

    /// <summary>A SQL cast of a literal written in invariant culture: <c>CAST('-128' AS TINYINT)</c>.</summary>
    public static string Cast(IFormattable value, string type) =>
        $"CAST('{value.ToString(null, CultureInfo.InvariantCulture)}' AS {type})";
}

/// <summary>A directory under the system temp folder, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "analytics-duckdb-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still mapped by a native handle that is being released; the OS cleans temp eventually.
        }
    }
}

/// <summary>Tests that measure the process (memory) or load every core run alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCollection
{
    public const string Name = "Serial";
}
