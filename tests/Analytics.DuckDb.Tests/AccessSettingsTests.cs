namespace Analytics.DuckDb.Tests;

public sealed class AccessSettingsTests
{
    [Fact]
    public void Read_only_access_mode_refuses_writes_with_DuckDBs_message()
    {
        using var temp = new TempDirectory();
        var path = temp.File("readonly.duckdb");
        using (var writer = Sql.OpenFile(path))
        {
            writer.Execute("CREATE TABLE t AS SELECT 1 AS id");
        }

        using var reader = Sql.Open($"Data Source={path};access_mode=READ_ONLY");

        Assert.Equal(1L, reader.Scalar("SELECT count(*) FROM t"));
        var insert = Assert.Throws<DuckDbException>(() => reader.Execute("INSERT INTO t VALUES (2)"));
        Assert.Contains("read-only", insert.Message, StringComparison.Ordinal);
        var create = Assert.Throws<DuckDbException>(() => reader.Execute("CREATE TABLE u (i INTEGER)"));
        Assert.Contains("read-only", create.Message, StringComparison.Ordinal);
        Assert.Equal(1L, reader.Scalar("SELECT count(*) FROM t"));
    }

    [Fact]
    public void Read_only_access_mode_on_a_missing_file_fails_to_open()
    {
        using var temp = new TempDirectory();

        var ex = Assert.Throws<DuckDbException>(() => Sql.Open($"Data Source={temp.File("missing.duckdb")};access_mode=READ_ONLY"));
        Assert.Contains("missing.duckdb", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Disabled_external_access_refuses_reading_files()
    {
        using var connection = Sql.Open("Data Source=:memory:;enable_external_access=false");

        var ex = Assert.Throws<DuckDbException>(() => connection.Scalar("SELECT count(*) FROM read_csv('/etc/passwd')"));
        Assert.Contains("disabled", ex.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, connection.Scalar("SELECT 1"));
    }

    [Fact]
    public void An_unknown_setting_is_a_DuckDbException_naming_it()
    {
        var ex = Assert.Throws<DuckDbException>(() => Sql.Open("Data Source=:memory:;no_such_setting_xyz=1"));
        Assert.Contains("no_such_setting_xyz", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_value_for_a_known_setting_is_a_DuckDbException_naming_it()
    {
        var ex = Assert.Throws<DuckDbException>(() => Sql.Open("Data Source=:memory:;threads=many"));
        Assert.Contains("threads", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_from_the_connection_string_reach_DuckDB()
    {
        var builder = new DuckDbConnectionStringBuilder { DataSource = ":memory:", Threads = 1, MemoryLimit = "256MB" };
        builder["Default Order"] = "DESC";
        using var connection = Sql.Open(builder.ConnectionString);

        Assert.Equal(1L, connection.Scalar("SELECT current_setting('threads')"));
        Assert.Equal("desc", ((string)connection.Scalar("SELECT current_setting('default_order')")!).ToLowerInvariant());
    }
}
