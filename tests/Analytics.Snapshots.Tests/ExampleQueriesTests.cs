using System.Text.RegularExpressions;
using Analytics.Snapshots.Sql;
using Analytics.Snapshots.Tests.Support;

namespace Analytics.Snapshots.Tests;

/// <summary>The analysts' guide and the console agree: every example meant for the console passes its check.</summary>
public sealed partial class ExampleQueriesTests : IDisposable
{
    private readonly Analytics.DuckDb.DuckDbConnection _parser = TestSnapshot.Parser();

    public void Dispose() => _parser.Dispose();

    public static TheoryData<string> Examples()
    {
        var guide = Path.Combine(RepositoryRoot(), "docs", "example-queries.md");
        var data = new TheoryData<string>();
        foreach (Match block in SqlBlock().Matches(File.ReadAllText(guide)))
        {
            var sql = block.Groups[1].Value.Trim();
            if (!sql.Contains("not the read-only console", StringComparison.Ordinal))
            {
                data.Add(sql);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_example_for_the_console_passes_its_check(string sql)
    {
        Assert.False(string.IsNullOrWhiteSpace(SqlStatementCheck.Check(_parser, sql)));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Analytics.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Analytics.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("```sql\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex SqlBlock();
}
