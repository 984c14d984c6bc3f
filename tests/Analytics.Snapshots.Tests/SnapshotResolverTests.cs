using Analytics.Snapshots.Tests.Support;

namespace Analytics.Snapshots.Tests;

public sealed class SnapshotResolverTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_file_is_itself_and_a_folder_is_the_file_its_current_json_names()
    {
        var folder = _temp.PathOf("snapshots");
        var file = TestSnapshot.Publish(folder);

        Assert.Equal(file, SnapshotResolver.Resolve(file));
        Assert.Equal(file, SnapshotResolver.Resolve(folder));
        Assert.Equal(file, SnapshotResolver.Resolve(folder + Path.DirectorySeparatorChar));
    }

    [Fact]
    public void A_folder_without_current_json_has_no_snapshot_even_with_snapshot_files_in_it()
    {
        var folder = _temp.PathOf("snapshots");
        TestSnapshot.Publish(folder);
        File.Delete(Path.Combine(folder, SnapshotResolver.PointerFileName));

        var ex = Assert.Throws<SnapshotNotFoundException>(() => SnapshotResolver.Resolve(folder));

        Assert.Contains("No warehouse snapshot is published", ex.Message, StringComparison.Ordinal);
        Assert.Contains("analytics build", ex.Message, StringComparison.Ordinal);
        Assert.Contains(folder, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{not json")]
    [InlineData("[]")]
    [InlineData("{\"snapshot\": 3}")]
    [InlineData("{\"other\": \"warehouse.duckdb\"}")]
    public void A_current_json_that_names_no_file_is_an_error_naming_it(string pointer)
    {
        var folder = _temp.PathOf("snapshots");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, SnapshotResolver.PointerFileName), pointer);

        var ex = Assert.Throws<SnapshotNotFoundException>(() => SnapshotResolver.Resolve(folder));

        Assert.Contains("is not a snapshot pointer", ex.Message, StringComparison.Ordinal);
        Assert.Contains(SnapshotResolver.PointerFileName, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_current_json_naming_a_missing_file_says_which()
    {
        var folder = _temp.PathOf("snapshots");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, SnapshotResolver.PointerFileName), "{\"snapshot\": \"warehouse-gone.duckdb\"}");

        var ex = Assert.Throws<SnapshotNotFoundException>(() => SnapshotResolver.Resolve(folder));

        Assert.Contains("warehouse-gone.duckdb", ex.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_path_that_is_neither_says_so()
    {
        Assert.False(SnapshotResolver.TryResolve(_temp.PathOf("nowhere"), out _, out var problem));

        Assert.Contains("nowhere", problem, StringComparison.Ordinal);
        Assert.Contains("neither a snapshot file", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Trusted_readers_open_it_read_only_without_file_access()
    {
        var file = TestSnapshot.Publish(_temp.PathOf("snapshots"));
        using var connection = SnapshotConnections.OpenReadOnly(file);
        using var settings = connection.CreateCommand("SELECT current_setting('access_mode'), current_setting('enable_external_access')");
        using var reader = settings.ExecuteReader();

        Assert.True(reader.Read());
        Assert.Equal("read_only", reader.GetString(0));
        Assert.False(reader.GetBoolean(1));
    }
}
