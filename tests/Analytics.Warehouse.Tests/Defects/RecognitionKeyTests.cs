using Analytics.DuckDb;
using Analytics.Warehouse.Tests.Support;

namespace Analytics.Warehouse.Tests.Defects;

/// <summary>
/// A recognition's business key is the lake's (credit_code, person_id, recognition_type, granted_on): one person
/// certified as 国家创新工程师 at two employers on one day holds two certificates, and both must reach the facts.
/// Staging and the conservation data test take the key from the contract itself (Building/StagingViews.cs), so the
/// two cannot drift apart again.
/// </summary>
public sealed class RecognitionKeyTests
{
    private static readonly string Y1 = Fixture.Code("91", "430602", 1);
    private static readonly string Y3 = Fixture.Code("91", "430603", 3);

    [Fact]
    public void One_person_certified_at_two_employers_on_one_day_keeps_both_certificates()
    {
        using var lake = new FixtureLake();
        var registry = new List<RegistryRow>();
        foreach (var year in new[] { 2019, 2020, 2021, 2022 })
        {
            registry.Add(new(Y1, "430602", "C3670", year, 50, 1000m, 800m, "小型"));
            registry.Add(new(Y3, "430603", "I6510", year, 20, 200m, 300m, "小型"));
        }

        var granted = new DateOnly(2020, 5, 1);
        lake.WriteBatch("k1", Fixture.FirstLoad, registry,
            [new(Y1, "INNOV_ENGINEER", granted, "国家", PersonId: "P9"), new(Y3, "INNOV_ENGINEER", granted, "国家", PersonId: "P9")],
            [], [], []);
        using var connection = new DuckDbConnection();
        connection.Open();
        WarehouseBuilder.Build(connection, lake.Root);

        var facts = Db.Rows(connection, "SELECT credit_code FROM fact_recognition WHERE person_id = 'P9' ORDER BY credit_code");
        Assert.Equal([Y1, Y3], facts.Select(r => (string)r["credit_code"]!));
        Assert.Equal(1, Db.Number(Db.Cell(connection, "YY-ENGINEERS", 2020, "430602")["value"]));
        Assert.Equal(1, Db.Number(Db.Cell(connection, "YY-ENGINEERS", 2020, "430603")["value"]));
        Assert.Equal(1, Db.Number(Db.Cell(connection, "YY-ENGINEERS", 2020)["value"])); // one person in the city
    }
}
