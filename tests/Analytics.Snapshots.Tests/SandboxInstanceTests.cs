using Analytics.DuckDb;
using Analytics.Snapshots.Tests.Support;
using Analytics.Snapshots.Worker;

namespace Analytics.Snapshots.Tests;

/// <summary>The engine instance a worker opens for each query (tested in this process; the pool tests run it in workers).</summary>
public sealed class SandboxInstanceTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _snapshot;
    private readonly WorkerSettings _settings;

    public SandboxInstanceTests()
    {
        _snapshot = TestSnapshot.Publish(_temp.PathOf("snapshots"));
        _settings = new WorkerSettings(_temp.PathOf("worker"), "100MB", 1, "16MB", 512, 10, 0, null);
    }

    public void Dispose() => _temp.Dispose();

    private static string Setting(DuckDbConnection connection, string name)
    {
        using var command = connection.CreateCommand("SELECT value FROM duckdb_settings() WHERE name = $name");
        command.Parameters.Add("name", name);
        return (string)command.ExecuteScalar()!;
    }

    [Fact]
    public void It_is_read_only_without_files_or_extensions_with_its_limits_and_locked()
    {
        using var instance = SandboxInstance.Open(_snapshot, _settings);

        Assert.Equal("read_only", Setting(instance.Connection, "access_mode"));
        Assert.Equal("false", Setting(instance.Connection, "enable_external_access"));
        Assert.Equal("false", Setting(instance.Connection, "autoload_known_extensions"));
        Assert.Equal("false", Setting(instance.Connection, "allow_community_extensions"));
        Assert.Equal("false", Setting(instance.Connection, "allow_unsigned_extensions"));
        Assert.Equal("true", Setting(instance.Connection, "lock_configuration"));
        Assert.Equal("1", Setting(instance.Connection, "threads"));
        Assert.Equal(instance.TempDirectory, Setting(instance.Connection, "temp_directory"));
        Assert.StartsWith(_settings.TempDirectory, instance.TempDirectory, StringComparison.Ordinal);
        using var set = instance.Connection.CreateCommand("SET memory_limit = '10GB'");
        Assert.Throws<DuckDbException>(() => set.ExecuteNonQuery());
    }

    [Fact]
    public void Each_query_gets_a_fresh_instance_that_forgets_what_the_last_one_did()
    {
        using (var first = SandboxInstance.Open(_snapshot, _settings))
        {
            using var variable = first.Connection.CreateCommand("SET VARIABLE left_behind = 42");
            variable.ExecuteNonQuery();
            using var read = first.Connection.CreateCommand("SELECT getvariable('left_behind')");
            Assert.Equal(42, read.ExecuteScalar());
        }

        using var second = SandboxInstance.Open(_snapshot, _settings);
        using var again = second.Connection.CreateCommand("SELECT getvariable('left_behind')");
        Assert.Equal(DBNull.Value, again.ExecuteScalar());
    }

    [Fact]
    public void Its_spill_folder_goes_with_it()
    {
        var instance = SandboxInstance.Open(_snapshot, _settings);
        var folder = instance.TempDirectory;
        Assert.True(Directory.Exists(folder));

        instance.Dispose();

        Assert.False(Directory.Exists(folder));
    }

    [Theory]
    [InlineData("256MB", 256_000_000L)]
    [InlineData("1GiB", 1_073_741_824L)]
    [InlineData("512 KB", 512_000L)]
    [InlineData("16mib", 16_777_216L)]
    [InlineData("100", 100L)]
    public void A_temp_budget_is_read_as_DuckDB_writes_sizes(string size, long bytes)
    {
        Assert.Equal(bytes, TempWatch.Bytes(size));
    }
}
