using Analytics.DuckDb;

namespace Analytics.Warehouse.Tests.Support;

/// <summary>Builds the fixture lake and a warehouse from it once for the test class.</summary>
public sealed class WarehouseFixture : IDisposable
{
    private readonly FixtureLake _lake = new();

    public WarehouseFixture()
    {
        _lake.WriteBatch("t1", Fixture.FirstLoad, Fixture.Registry(), Fixture.Recognitions(), Fixture.Patents(), Fixture.RdFirstBatch(),
            Fixture.Survey(), quarantinedRows: 2);
        _lake.WriteBatch("t2", Fixture.SecondLoad, [], [], [], Fixture.RdSecondBatch(), []);
        Connection = new DuckDbConnection();
        Connection.Open();
        Result = WarehouseBuilder.Build(Connection, _lake.Root);
    }

    public DuckDbConnection Connection { get; }

    public BuildResult Result { get; }

    public void Dispose()
    {
        Connection.Dispose();
        _lake.Dispose();
    }
}
