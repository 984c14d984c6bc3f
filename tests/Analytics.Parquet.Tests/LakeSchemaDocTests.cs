using System.Text;
using Analytics.DuckDb;
using Analytics.Etl.Contracts;
using Analytics.Etl.Sources;
using Analytics.Lake;
using Analytics.TestSupport;

namespace Analytics.Parquet.Tests;

/// <summary>
/// docs/lake-schema.md, the lake's contract for other engines, is generated from the one declaration the load writes
/// and the warehouse reads (<see cref="LakeSchema"/> and the feed contracts), and that declaration is held to the files
/// a real load writes. Regenerate: <c>ANALYTICS_UPDATE_DOCS=1 dotnet test tests/Analytics.Parquet.Tests --filter LakeSchemaDoc</c>.
/// </summary>
public sealed class LakeSchemaDocTests
{
    [Fact]
    public void The_lake_schema_document_is_current()
    {
        var path = Path.Combine(Root(), "docs", "lake-schema.md");
        var text = Document();
        if (Environment.GetEnvironmentVariable("ANALYTICS_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, text);
        }

        Assert.True(File.Exists(path) && File.ReadAllText(path) == text,
            "docs/lake-schema.md is out of date; regenerate: ANALYTICS_UPDATE_DOCS=1 dotnet test tests/Analytics.Parquet.Tests --filter LakeSchemaDoc");
    }

    [Fact]
    public void Every_feed_file_and_the_quarantine_have_exactly_the_declared_columns_and_types()
    {
        var keys = LakeSchema.FeedPathKeys.Select(k => k.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var contract in FeedContracts.All)
        {
            var declared = LakeSchema.FeedAsRead(contract).Where(c => !keys.Contains(c.Name)).Select(c => $"{c.Name} {c.Type}");
            Assert.Equal(declared, Described(Path.Combine(ProductSnapshot.LakeFolder, "load=*", "feed=" + contract.Kind.ToName(), "*", "*.parquet")));
        }

        Assert.Equal(LakeSchema.Quarantine.Where(c => c.Name != "load").Select(c => $"{c.Name} {c.Type}"),
            Described(Path.Combine(ProductSnapshot.LakeFolder, "load=*", "quarantine", "*.parquet")));
    }

    /// <summary>The document: the layout, then one table per feed and the quarantine.</summary>
    internal static string Document()
    {
        var md = new StringBuilder();
        md.AppendLine("# The lake's schema: a contract for other engines").AppendLine()
          .AppendLine("<!-- Generated from etl/Analytics.Lake/LakeSchema.cs and the feed contracts by tests/Analytics.Parquet.Tests/LakeSchemaDocTests.cs; do not edit. -->").AppendLine()
          .AppendLine("The lake is standard Parquet (zstd), written by DuckDB and read back by Parquet.Net, an implementation that shares no code")
          .AppendLine("with DuckDB, value for value (`tests/Analytics.Parquet.Tests`). pandas, polars, Spark, R's arrow and Power BI read it as it is.").AppendLine()
          .AppendLine("```")
          .AppendLine("lake/load=<batch>/feed=<feed>/year=<year>/data_<n>.parquet   accepted rows, Hive-partitioned")
          .AppendLine("lake/load=<batch>/quarantine/data_<n>.parquet                 rejected rows, one per rejected source row, with the rule")
          .AppendLine("lake/load=<batch>/manifest.json                                the batch: its files, their counts, the load's record")
          .AppendLine("```").AppendLine()
          .AppendLine("- A batch folder appears by one rename when its load is complete: read `load=*` and you read only whole batches. A later")
          .AppendLine("  batch holds only files not loaded before (by sha256), so the batches of a lake never hold a row twice.")
          .AppendLine("- `load`, `feed` and `year` are in the path, not in the files: read with Hive partitioning to get them as columns")
          .AppendLine("  (`read_parquet('lake/load=*/feed=registry/*/*.parquet', hive_partitioning = true)`, `pyarrow.dataset(…, partitioning=\"hive\")`).")
          .AppendLine("- Types are DuckDB's; in Parquet, `VARCHAR` is a UTF-8 string, `DATE` a date, `BIGINT`/`INTEGER` int64/int32, `DOUBLE` a")
          .AppendLine("  double, `DECIMAL(p,s)` a decimal, `BOOLEAN` a boolean, `VARCHAR[]` a list of strings.")
          .AppendLine("- Every column is optional at the Parquet level. **null** says whether a value may be missing: a feed's required fields")
          .AppendLine("  are never NULL in the lake (a row without one is quarantined instead).")
          .AppendLine("- `applicants` and `applicant_credit_codes` are parallel lists: element *i* of one belongs to element *i* of the other,")
          .AppendLine("  and `applicant_credit_codes` has NULL elements (an applicant who is a person). Read them with a reader that keeps a")
          .AppendLine("  list's NULL elements in place — DuckDB, pyarrow, polars do; Parquet.Net 6.1's untyped reader drops them, which")
          .AppendLine("  shifts the positions (`tests/Analytics.Parquet.Tests` found it).").AppendLine();

        foreach (var contract in FeedContracts.All)
        {
            var name = contract.Kind.ToName();
            md.Append("## ").Append(name).Append(" (").Append(contract.NameZh).AppendLine(")").AppendLine()
              .Append("`lake/load=<batch>/feed=").Append(name).Append("/year=<year>/data_<n>.parquet`, `year` = `")
              .Append(LakeSchema.PartitionYear(contract.Kind)).AppendLine("`.").AppendLine()
              .AppendLine("| column | type | null | what |").AppendLine("| --- | --- | --- | --- |");
            var fields = contract.Fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
            foreach (var column in LakeSchema.FeedAsRead(contract))
            {
                var (nullable, what) = fields.TryGetValue(column.Name, out var field)
                    ? (field.Required ? "no" : "yes", field.Description)
                    : Extra(column.Name);
                md.Append("| `").Append(column.Name).Append("` | ").Append(column.Type).Append(" | ").Append(nullable).Append(" | ")
                  .Append(what.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal)).AppendLine(" |");
            }

            md.AppendLine();
        }

        md.AppendLine("## quarantine").AppendLine().AppendLine("`lake/load=<batch>/quarantine/data_<n>.parquet`: every rejected source row, with why.").AppendLine()
          .AppendLine("| column | type | null |").AppendLine("| --- | --- | --- |");
        foreach (var column in LakeSchema.QuarantineAsRead)
        {
            md.Append("| `").Append(column.Name).Append("` | ").Append(column.Type).Append(" | ")
              .Append(column.Name is "feed" or "source_file" or "sha256" or "rule" or "message" or "load" ? "no" : "yes").AppendLine(" |");
        }

        return md.ToString();
    }

    private static (string Nullable, string What) Extra(string column) => column switch
    {
        "applicant_credit_codes" => ("yes", "Parallel to `applicants`: each applicant's unified social credit code, normalised, where it is a valid one (GB 32100 check character), else NULL; NULL throughout in lakes loaded before this column existed"),
        "notes" => ("yes", "The normalisations applied to the row (e.g. `credit_code_o_for_zero`, `district_name_mapped`)"),
        "source_file" => ("no", "The file as delivered"),
        "sha256" => ("no", "The delivered file's sha256"),
        "source_row" => ("no", "The row's number in that file"),
        "feed" => ("no", "Path key: the feed"),
        "load" => ("no", "Path key: the load batch"),
        "year" => ("no", "Path key: the partition year"),
        _ => ("yes", ""),
    };

    private static List<string> Described(string glob)
    {
        using var connection = new DuckDbConnection("Data Source=:memory:;threads=1");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DESCRIBE SELECT * FROM read_parquet('{glob}', hive_partitioning = false, union_by_name = true)";
        using var reader = command.ExecuteReader();
        var columns = new List<string>();
        while (reader.Read())
        {
            columns.Add($"{reader.GetString(0)} {reader.GetString(1)}");
        }

        return columns;
    }

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Analytics.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("The repository root (Analytics.sln) was not found.");
    }
}
