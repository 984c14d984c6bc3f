using Analytics.Catalog;
using Analytics.DuckDb;
using Analytics.Warehouse.Tests.Support;

namespace Analytics.Warehouse.Tests.Targets;

/// <summary>
/// A target's comparator is judged as written: 超过/突破 (<c>&gt;</c>) asks for more than the target, 达到/以上
/// (<c>&gt;=</c>) for at least it. YY-POLING's fixture counts are 2 in 2020 (Y3, Y4) and 1 in 2021 (Y1).
/// </summary>
public sealed class ComparatorTests : IDisposable
{
    private readonly FixtureLake _lake = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("comparator-").FullName;
    private readonly DuckDbConnection _connection = new();

    public ComparatorTests()
    {
        _lake.WriteBatch("t1", Fixture.FirstLoad, Fixture.Registry(), Fixture.Recognitions(), Fixture.Patents(), Fixture.RdFirstBatch(), Fixture.Survey());
        var log = TargetRevisionLog.ForSnapshots(_dir);
        log.Record("YY-POLING", [new("city", null, 2020, 2, ">", null), new("city", null, 2021, 1, ">=", null), new("city", null, 2022, 50, ">=", null)],
            "test", "admin", "comparators", basedOn: 1);
        _connection.Open();
        WarehouseBuilder.Build(_connection, new BuildInputs(_lake.Root, log.Path));
    }

    public void Dispose()
    {
        _connection.Dispose();
        _lake.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void A_value_exactly_at_a_greater_than_target_is_not_on_track()
    {
        var cell = Db.Cell(_connection, "YY-POLING", 2020);
        Assert.Equal(2, Db.Number(cell["value"]));
        Assert.Equal(">", cell["comparator"]);
        Assert.Equal("at_risk", cell["status"]); // 2 is not over 2, but within 90 % of it
    }

    [Fact]
    public void A_value_exactly_at_an_at_least_target_is_on_track()
    {
        var cell = Db.Cell(_connection, "YY-POLING", 2021);
        Assert.Equal(1, Db.Number(cell["value"]));
        Assert.Equal(">=", cell["comparator"]);
        Assert.Equal("on_track", cell["status"]);
    }
}
