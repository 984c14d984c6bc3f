using Analytics.DuckDb;
using Analytics.Notebooks.Tests.Support;
using Analytics.TestSupport;

namespace Analytics.Notebooks.Tests;

/// <summary>
/// The notebooks' hand-written fixture (Support/fixture-snapshot.sql) may leave columns out, but every column it has
/// must be one the product writes, under the same name, in a table the product has: otherwise a notebook could pass
/// here on a column no real snapshot holds.
/// </summary>
public sealed class FixtureShapeTests
{
    [Fact]
    public void Every_table_and_column_of_the_fixture_is_the_products()
    {
        using var fixture = new FixtureSnapshot();
        using var connection = new DuckDbConnection($"Data Source={fixture.SnapshotPath};access_mode=READ_ONLY");
        connection.Open();
        using var command = connection.CreateCommand(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'main' ORDER BY table_name, ordinal_position");
        using var reader = command.ExecuteReader();
        var missing = new List<string>();
        var shapes = new Dictionary<string, IReadOnlyList<string>?>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var (table, column) = (reader.GetString(0), reader.GetString(1));
            if (!shapes.TryGetValue(table, out var columns))
            {
                try
                {
                    columns = RealShape.Columns(table);
                }
                catch (ArgumentException)
                {
                    columns = null;
                }

                shapes[table] = columns;
            }

            if (columns is null || !columns.Contains(column))
            {
                missing.Add($"{table}.{column}");
            }
        }

        Assert.Empty(missing);
    }
}
