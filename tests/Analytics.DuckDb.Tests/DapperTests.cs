using Dapper;

namespace Analytics.DuckDb.Tests;

public sealed class DapperTests
{
    public sealed record EnterpriseRecord(long Id, string Name, decimal Capital, DateTime RegisteredAt, DateOnly FoundedOn);

    public sealed class EnterpriseClass
    {
        public long Id { get; set; }

        public string? Name { get; set; }

        public decimal? Capital { get; set; }

        public DateTime RegisteredAt { get; set; }

        public DateOnly? FoundedOn { get; set; }
    }

    private static DuckDbConnection WithEnterprises()
    {
        var connection = Sql.OpenMemory();
        connection.Execute(
            "CREATE TABLE enterprise (id BIGINT, name VARCHAR, capital DECIMAL(18,2), registered_at TIMESTAMP, founded_on DATE);" +
            "INSERT INTO enterprise VALUES " +
            "(1, '重庆璧山某科技有限公司', 1000000.50, TIMESTAMP '2020-03-04 05:06:07', DATE '2020-03-01')," +
            "(2, 'Bishan Logistics', 250000.00, TIMESTAMP '2021-07-08 09:10:11', DATE '2021-07-01')," +
            "(3, NULL, NULL, TIMESTAMP '2022-01-01 00:00:00', NULL)");
        return connection;
    }

    [Fact]
    public void Query_maps_rows_into_a_positional_record()
    {
        using var connection = WithEnterprises();

        var rows = connection.Query<EnterpriseRecord>(
            "SELECT id, name, capital, registered_at AS RegisteredAt, founded_on AS FoundedOn FROM enterprise WHERE name IS NOT NULL ORDER BY id").ToList();

        Assert.Equal(
            [
                new EnterpriseRecord(1, "重庆璧山某科技有限公司", 1000000.50m, new DateTime(2020, 3, 4, 5, 6, 7), new DateOnly(2020, 3, 1)),
                new EnterpriseRecord(2, "Bishan Logistics", 250000.00m, new DateTime(2021, 7, 8, 9, 10, 11), new DateOnly(2021, 7, 1)),
            ],
            rows);
    }

    [Fact]
    public void Query_maps_rows_and_nulls_into_a_class_with_parameters_from_an_anonymous_object()
    {
        using var connection = WithEnterprises();

        var rows = connection.Query<EnterpriseClass>(
            "SELECT id, name, capital, registered_at AS RegisteredAt, founded_on AS FoundedOn FROM enterprise WHERE id >= @minId AND registered_at < @before ORDER BY id",
            new { minId = 2L, before = new DateTime(2030, 1, 1) }).ToList();

        Assert.Equal([2L, 3L], rows.Select(r => r.Id));
        Assert.Equal("Bishan Logistics", rows[0].Name);
        Assert.Equal(250000.00m, rows[0].Capital);
        Assert.Equal(new DateOnly(2021, 7, 1), rows[0].FoundedOn);
        Assert.Null(rows[1].Name);
        Assert.Null(rows[1].Capital);
        Assert.Null(rows[1].FoundedOn);
        Assert.Equal(new DateTime(2022, 1, 1), rows[1].RegisteredAt);
    }

    [Fact]
    public void Scalar_execute_and_list_expansion_work_through_Dapper()
    {
        using var connection = WithEnterprises();

        var inserted = connection.Execute(
            "INSERT INTO enterprise (id, name, capital) VALUES (@Id, @Name, @Capital)",
            new[] { new { Id = 10L, Name = "甲", Capital = 1.5m }, new { Id = 11L, Name = "乙", Capital = 2.25m } });
        Assert.Equal(2, inserted);

        Assert.Equal(3.75m, connection.ExecuteScalar<decimal>("SELECT sum(capital) FROM enterprise WHERE id IN @ids", new { ids = new[] { 10L, 11L } }));
        Assert.Equal("乙", connection.QuerySingle<string>("SELECT name FROM enterprise WHERE id = @id", new { id = 11 }));
        Assert.Equal(5L, connection.ExecuteScalar<long>("SELECT count(*) FROM enterprise"));
    }
}
