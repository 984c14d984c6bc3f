using Analytics.DuckDb;

namespace Analytics.Notebooks.Tests.Support;

/// <summary>
/// A temporary folder with a snapshot file of the warehouse's shape (Support/fixture-snapshot.sql), made with the
/// provider, and room for notebooks and outputs. Deleted on dispose.
/// </summary>
public sealed class FixtureSnapshot : IDisposable
{
    public FixtureSnapshot()
    {
        Folder = Path.Combine(Path.GetTempPath(), "nb-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        SnapshotPath = Path.Combine(Folder, "warehouse-fixture.duckdb");
        using var connection = new DuckDbConnection($"Data Source={SnapshotPath}");
        connection.Open();
        using var command = connection.CreateCommand(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Support", "fixture-snapshot.sql")));
        command.ExecuteNonQuery();
    }

    public string Folder { get; }

    public string SnapshotPath { get; }

    public string OutputRoot => Path.Combine(Folder, "out");

    /// <summary>Runs a query on the snapshot (read-only) and returns the first column of every row.</summary>
    public IReadOnlyList<object?> Column(string sql)
    {
        using var connection = new DuckDbConnection($"Data Source={SnapshotPath};access_mode=READ_ONLY");
        connection.Open();
        using var command = connection.CreateCommand(sql);
        using var reader = command.ExecuteReader();
        var values = new List<object?>();
        while (reader.Read())
        {
            values.Add(reader.IsDBNull(0) ? null : reader.GetValue(0));
        }

        return values;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
