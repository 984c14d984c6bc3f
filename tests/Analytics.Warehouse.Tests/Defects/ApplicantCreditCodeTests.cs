using Analytics.DuckDb;
using Analytics.Etl.Identifiers;
using Analytics.Warehouse.Tests.Support;

namespace Analytics.Warehouse.Tests.Defects;

/// <summary>
/// Which applicants of a patent are credit codes is the ETL's decision (the lake's <c>applicant_credit_codes</c>, with
/// the check character), not the build's: <c>bridge_patent_applicant</c> once matched a regex, which took an 18-symbol
/// text with a wrong check character for a code.
/// </summary>
public sealed class ApplicantCreditCodeTests : IDisposable
{
    private static readonly string Y1 = Fixture.Code("91", "430602", 1);
    private static readonly string Y3 = Fixture.Code("91", "430603", 3);
    private static readonly string WrongCheck = Y3[..^1] + CreditCode.Alphabet[(CreditCode.Alphabet.IndexOf(Y3[^1], StringComparison.Ordinal) + 1) % 31];
    private const string PatentNo = "CN201910000005.5";

    private readonly FixtureLake lake = new();

    public ApplicantCreditCodeTests()
    {
        var registry = new List<RegistryRow>();
        foreach (var year in new[] { 2019, 2020, 2021, 2022 })
        {
            registry.Add(new(Y1, "430602", "C3670", year, 50, 1000m, 800m, "小型"));
            registry.Add(new(Y3, "430603", "I6510", year, 20, 200m, 300m, "小型"));
        }

        lake.WriteBatch("a1", Fixture.FirstLoad, registry, [],
            [new(PatentNo, 1, new DateOnly(2019, 1, 5), new DateOnly(2020, 6, 1), Y1, WrongCheck, "张三", Y3)], [], []);
    }

    public void Dispose() => lake.Dispose();

    [Fact]
    public void The_bridge_takes_each_applicants_credit_code_from_the_lake()
    {
        using var connection = Build();

        var bridge = Db.Rows(connection,
            "SELECT applicant_seq, applicant, credit_code, in_registry FROM bridge_patent_applicant WHERE application_no = $n ORDER BY applicant_seq",
            ("n", PatentNo));
        var inLake = Db.Rows(connection, $"""
            SELECT CAST(unnest(range(1, len(applicants) + 1)) AS INTEGER) AS applicant_seq, unnest(applicants) AS applicant,
                   unnest(applicant_credit_codes) AS credit_code
            FROM read_parquet({DuckDbConnection.QuoteLiteral(Path.Combine(lake.Root, "load=*", "feed=patents", "*", "*.parquet").Replace('\\', '/'))})
            ORDER BY applicant_seq
            """);
        Assert.Equal(inLake.Select(r => (r["applicant_seq"], r["applicant"], r["credit_code"])),
            bridge.Select(r => (r["applicant_seq"], r["applicant"], r["credit_code"])));
        Assert.Equal([Y1, null, null, Y3], bridge.Select(r => (string?)r["credit_code"]));
        Assert.Equal([true, false, false, true], bridge.Select(r => (bool)r["in_registry"]!));
    }

    [Fact]
    public void A_lake_loaded_before_applicant_credit_codes_existed_builds_with_no_credit_codes()
    {
        foreach (var file in Directory.EnumerateFiles(lake.Root, "*.parquet", SearchOption.AllDirectories).Where(f => f.Contains("feed=patents", StringComparison.Ordinal)))
        {
            StripApplicantCreditCodes(file);
        }

        using var connection = Build();

        var bridge = Db.Rows(connection, "SELECT applicant, credit_code FROM bridge_patent_applicant WHERE application_no = $n ORDER BY applicant_seq", ("n", PatentNo));
        Assert.Equal([Y1, WrongCheck, "张三", Y3], bridge.Select(r => (string)r["applicant"]!));
        Assert.All(bridge, r => Assert.Null(r["credit_code"]));
    }

    private DuckDbConnection Build()
    {
        var connection = new DuckDbConnection();
        connection.Open();
        WarehouseBuilder.Build(connection, lake.Root);
        return connection;
    }

    /// <summary>Rewrites a patents file as a load before the column existed wrote it.</summary>
    private static void StripApplicantCreditCodes(string file)
    {
        var old = file + ".old";
        File.Move(file, old);
        using var connection = new DuckDbConnection();
        connection.Open();
        using var command = connection.CreateCommand(
            $"COPY (SELECT * EXCLUDE (applicant_credit_codes) FROM read_parquet({DuckDbConnection.QuoteLiteral(old)})) TO {DuckDbConnection.QuoteLiteral(file)} (FORMAT parquet)");
        command.ExecuteNonQuery();
        File.Delete(old);
    }
}
