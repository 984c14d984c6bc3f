using Analytics.DuckDb;
using Analytics.Warehouse.Snapshots;

namespace Analytics.Warehouse.Tests.Snapshots;

public sealed class SnapshotPruningTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _temp = new();
    private readonly ManualTime _time = new(T0);

    public void Dispose() => _temp.Dispose();

    private static (string, DateTimeOffset) At(int minutes) => (SnapshotNames.Create(T0.AddMinutes(minutes), "0000000" + (minutes % 10)), T0.AddMinutes(minutes));

    [Theory]
    [InlineData(3, null, 1, "0,10")]           // keep the 3 newest of 5
    [InlineData(1, null, 1, "0,10,20,30")]
    [InlineData(1, 10, 1, "0,20,30")]          // the current one is kept even when old
    [InlineData(1, null, 85, "0,10")]          // published 80 and 70 min ago: within a grace period of 85
    [InlineData(5, null, 1, "")]
    public void ToDelete_keeps_the_newest_the_current_and_the_young(int keep, int? currentAt, int minimumAgeMinutes, string expected)
    {
        var snapshots = new[] { At(0), At(10), At(20), At(30), At(40) };
        var now = T0.AddMinutes(100);
        var current = currentAt is { } c ? At(c).Item1 : null;

        var doomed = SnapshotPruning.ToDelete(snapshots, current, keep, TimeSpan.FromMinutes(minimumAgeMinutes), now);

        var expectedNames = expected.Length == 0 ? [] : expected.Split(',').Select(m => At(int.Parse(m, System.Globalization.CultureInfo.InvariantCulture)).Item1);
        Assert.Equal(expectedNames.Order(StringComparer.Ordinal), doomed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ToDelete_refuses_keeping_none()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SnapshotPruning.ToDelete([], null, 0, TimeSpan.Zero, T0));
    }

    [Fact]
    public void Publishing_keeps_the_last_N_and_removes_the_others_with_their_records_and_exports()
    {
        var store = new SnapshotStore(_temp.PathOf("snapshots"), new SnapshotStoreOptions { Keep = 2 }, _time);
        var names = new List<string>();
        for (var i = 1; i <= 4; i++)
        {
            names.Add(store.Publish(TinyBuilds.Marts(i)).Name);
            _time.Advance(TimeSpan.FromMinutes(5));
        }

        Assert.Equal(names.TakeLast(2).Reverse(), store.Published().Select(s => s.Name));
        Assert.Equal(names[^1], store.Current!.Name);
        foreach (var gone in names.Take(2))
        {
            Assert.False(File.Exists(Path.Combine(store.Folder, gone + ".duckdb")));
            Assert.False(File.Exists(Path.Combine(store.Folder, gone + ".json")));
            Assert.False(Directory.Exists(Path.Combine(store.ExportsRoot, gone)));
        }

        Assert.Equal(names.TakeLast(2).Order(StringComparer.Ordinal), Directory.EnumerateDirectories(store.ExportsRoot).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Snapshots_younger_than_the_minimum_age_survive_pruning()
    {
        var store = new SnapshotStore(_temp.PathOf("snapshots"), new SnapshotStoreOptions { Keep = 1, MinimumAge = TimeSpan.FromMinutes(1) }, _time);

        store.Publish(TinyBuilds.Marts(1));
        _time.Advance(TimeSpan.FromSeconds(20));
        store.Publish(TinyBuilds.Marts(2));

        Assert.Equal(2, store.Published().Count);

        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.Single(store.Prune());
        Assert.Single(store.Published());
    }

    [Fact]
    public void A_reader_holding_the_old_snapshot_keeps_reading_while_newer_ones_are_published_and_it_is_pruned()
    {
        var store = new SnapshotStore(_temp.PathOf("snapshots"), new SnapshotStoreOptions { Keep = 1, MinimumAge = TimeSpan.Zero }, _time);
        var old = store.Publish(TinyBuilds.Marts(1, rows: 200_000));
        using var reader = store.OpenReadOnly();
        using var command = reader.CreateCommand("SELECT value FROM mart_indicator");
        using var rows = command.ExecuteReader();
        var read = 0L;
        var sum = 0L;
        for (; read < 1000 && rows.Read(); read++)
        {
            sum += rows.GetInt32(0);
        }

        for (var i = 2; i <= 3; i++)
        {
            _time.Advance(TimeSpan.FromMinutes(5));
            store.Publish(TinyBuilds.Marts(i, rows: 10));
        }

        if (!OperatingSystem.IsWindows())
        {
            Assert.False(File.Exists(old.Path));
        }

        while (rows.Read())
        {
            sum += rows.GetInt32(0);
            read++;
        }

        Assert.Equal(200_000L, read);
        Assert.Equal(200_000L, sum);
        Assert.Equal(3, TinyBuilds.ScalarFrom(store.Current!.Path, "SELECT max(value) FROM mart_indicator"));
    }

    [Fact]
    public void A_new_reader_opens_the_newest_snapshot_while_an_old_reader_keeps_its_own()
    {
        var store = new SnapshotStore(_temp.PathOf("snapshots"), new SnapshotStoreOptions { Keep = 3 }, _time);
        store.Publish(TinyBuilds.Marts(1));
        using var oldReader = store.OpenReadOnly();
        _time.Advance(TimeSpan.FromMinutes(5));

        store.Publish(TinyBuilds.Marts(2));
        using var newReader = store.OpenReadOnly();

        Assert.Equal(1, TinyBuilds.Scalar(oldReader, "SELECT max(value) FROM mart_indicator"));
        Assert.Equal(2, TinyBuilds.Scalar(newReader, "SELECT max(value) FROM mart_indicator"));
    }
}
