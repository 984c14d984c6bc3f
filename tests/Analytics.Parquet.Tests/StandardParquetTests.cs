using System.Collections;
using System.Globalization;
using Analytics.DuckDb;
using Analytics.TestSupport;
using Parquet.Serialization;

namespace Analytics.Parquet.Tests;

/// <summary>
/// Every Parquet file the product writes — each lake file of every feed, the quarantine, and every mart export of the
/// snapshot — read by Parquet.Net (a managed implementation that shares no code with DuckDB) and by DuckDB, compared
/// value by value in file order: other engines (pandas, polars, Spark, Power BI) read what DuckDB reads.
/// </summary>
/// <remarks>
/// One difference is Parquet.Net's, not the files': its untyped reader drops the NULL elements of a list (found on
/// <c>applicant_credit_codes</c>, NULL where an applicant is a person). Only that is let through, and only in list
/// columns; docs/lake-schema.md tells readers of the parallel lists to use a reader that keeps positions.
/// </remarks>
public sealed class StandardParquetTests
{
    public static TheoryData<string> LakeFiles() => new(Files(ProductSnapshot.LakeFolder, exclude: "_staging"));

    public static TheoryData<string> ExportFiles() => new(Files(Path.Combine(ProductSnapshot.SnapshotsFolder, "exports"), exclude: null));

    [Theory]
    [MemberData(nameof(LakeFiles))]
    public async Task A_lake_file_reads_the_same_in_Parquet_Net_as_in_DuckDB(string file) => await SameAsync(Path.Combine(ProductSnapshot.LakeFolder, file));

    [Theory]
    [MemberData(nameof(ExportFiles))]
    public async Task An_export_reads_the_same_in_Parquet_Net_as_in_DuckDB(string file) => await SameAsync(Path.Combine(ProductSnapshot.SnapshotsFolder, "exports", file));

    [Fact]
    public void Every_feed_and_the_quarantine_are_among_the_files_compared()
    {
        var files = Files(ProductSnapshot.LakeFolder, exclude: "_staging");
        foreach (var part in new[] { "feed=registry", "feed=recognitions", "feed=patents", "feed=rd_spend", "feed=survey", "quarantine" })
        {
            Assert.Contains(files, f => f.Contains(part, StringComparison.Ordinal));
        }

        Assert.Contains(Files(Path.Combine(ProductSnapshot.SnapshotsFolder, "exports"), exclude: null), f => f.EndsWith("mart_indicator.parquet", StringComparison.Ordinal));
    }

    private static async Task SameAsync(string path)
    {
        var (columns, duck) = ReadWithDuckDb(path);
        await using var stream = File.OpenRead(path);
        var managed = await ParquetSerializer.DeserializeUntypedAsync(stream);

        Assert.Equal(columns.Select(c => c.Name), managed.Schema.DataFields.Select(f => f.Path.FirstPart ?? f.Name));
        Assert.Equal(duck.Count, managed.Data.Count);
        for (var row = 0; row < duck.Count; row++)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                var (name, type) = columns[c];
                var expected = duck[row][c];
                var actual = Text(managed.Data[row].TryGetValue(name, out var v) ? v : null, type);
                if (type.EndsWith("[]", StringComparison.Ordinal) && expected != actual && WithoutNullElements(expected) == actual)
                {
                    // Parquet.Net 6.1's untyped reader leaves a list's NULL elements out (DuckDB, pyarrow and polars keep
                    // them): the values agree, the positions do not. docs/lake-schema.md warns readers of parallel lists.
                    continue;
                }

                if (expected != actual)
                {
                    Assert.Fail($"{Path.GetFileName(path)} row {row + 1}, column {name} ({type}): DuckDB reads '{expected}', Parquet.Net '{actual}'.");
                }
            }
        }
    }

    /// <summary>A list's text without its NULL elements.</summary>
    private static string WithoutNullElements(string list) =>
        "[" + string.Join("|", list.Trim('[', ']').Split('|').Where(e => e != "∅")) + "]";

    private static (List<(string Name, string Type)> Columns, List<string[]> Rows) ReadWithDuckDb(string path)
    {
        using var connection = new DuckDbConnection("Data Source=:memory:;threads=1");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM read_parquet('{path.Replace("'", "''", StringComparison.Ordinal)}', hive_partitioning = false)";
        using var reader = command.ExecuteReader();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(i => (reader.GetName(i), reader.GetDataTypeName(i))).ToList();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(columns.Select((c, i) => Text(reader.IsDBNull(i) ? null : reader.GetValue(i), c.Item2)).ToArray());
        }

        return (columns, rows);
    }

    /// <summary>A value as invariant text by its DuckDB type, whichever reader gave it.</summary>
    private static string Text(object? value, string type) => value switch
    {
        null => "∅",
        string s => s,
        byte[] b => Convert.ToHexString(b),
        IEnumerable list => "[" + string.Join("|", list.Cast<object?>().Select(x => Text(x, type.TrimEnd('[', ']')))) + "]",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t when type == "DATE" => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        DateTimeOffset o => o.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        double x => x.ToString("R", CultureInfo.InvariantCulture),
        float f => ((double)f).ToString("R", CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.############################", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable n => n.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static List<string> Files(string root, string? exclude)
    {
        var data = new List<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*.parquet", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, file);
            if (exclude is null || !relative.StartsWith(exclude, StringComparison.Ordinal))
            {
                data.Add(relative);
            }
        }

        return data;
    }
}
