using Analytics.DuckDb;
using Analytics.Snapshots;
using Analytics.Warehouse.Snapshots;

namespace Analytics.Warehouse.Tests.Snapshots;

public sealed class SnapshotPublishTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly ManualTime _time = new(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));

    public void Dispose() => _temp.Dispose();

    private SnapshotStore Store(int keep = 3, TimeSpan? minimumAge = null) =>
        new(_temp.PathOf("snapshots"), new SnapshotStoreOptions { Keep = keep, MinimumAge = minimumAge ?? TimeSpan.FromMinutes(1) }, _time);

    private SnapshotInfo PublishAndAdvance(SnapshotStore store, int marker)
    {
        var info = store.Publish(TinyBuilds.Marts(marker));
        _time.Advance(TimeSpan.FromMinutes(10));
        return info;
    }

    [Fact]
    public void Publish_names_the_file_by_build_time_and_points_current_at_it()
    {
        var store = Store();

        var info = store.Publish(TinyBuilds.Marts(7));

        Assert.Matches(@"^warehouse-20250301T080000000-[0-9a-f]{8}$", info.Name);
        Assert.Equal(Path.Combine(store.Folder, info.Name + ".duckdb"), info.Path);
        Assert.Equal(info.Name, store.Current!.Name);
        Assert.Equal(7, TinyBuilds.ScalarFrom(info.Path, "SELECT max(value) FROM mart_indicator"));
        Assert.Equal(["current.json", "exports", info.Name + ".duckdb", info.Name + ".json"],
            Directory.EnumerateFileSystemEntries(store.Folder).Select(Path.GetFileName).Where(n => n != ".publish.lock").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Lineage_is_recorded_in_the_snapshot_and_in_its_record()
    {
        var store = Store();

        var info = store.Publish(TinyBuilds.Marts(1, 10, "20250101-aaaa", "20250201-bbbb"));

        Assert.Equal(["20250101-aaaa", "20250201-bbbb"], info.BatchIds);
        Assert.Equal(["20250101-aaaa", "20250201-bbbb"], store.Current!.BatchIds);
        Assert.Equal(10L, store.Current.TableRows["mart_indicator"]);
        Assert.Equal("20250101-aaaa,20250201-bbbb", TinyBuilds.ScalarFrom(info.Path, "SELECT string_agg(batch_id, ',' ORDER BY batch_order) FROM snapshot_lineage"));
        Assert.Equal(info.Name, TinyBuilds.ScalarFrom(info.Path, "SELECT snapshot FROM snapshot_info"));
        Assert.Equal(2, TinyBuilds.ScalarFrom(info.Path, "SELECT batch_count FROM snapshot_info"));
        Assert.NotNull(TinyBuilds.ScalarFrom(info.Path, "SELECT comment FROM duckdb_tables() WHERE table_name = 'snapshot_lineage'"));
    }

    [Fact]
    public void Marts_are_exported_as_parquet_with_the_same_rows()
    {
        var store = Store();

        var info = store.Publish(TinyBuilds.Marts(5, 250));

        Assert.Equal(["mart_indicator.parquet", "mart_latest.parquet"], info.Exports);
        Assert.Equal(Path.Combine(store.ExportsRoot, info.Name), info.ExportFolder);
        using var reader = new DuckDbConnection("Data Source=:memory:");
        reader.Open();
        var file = Path.Combine(info.ExportFolder!, "mart_indicator.parquet");
        Assert.Equal(250L, TinyBuilds.Scalar(reader, $"SELECT count(*) FROM read_parquet('{file}') WHERE value = 5"));
        Assert.Equal(50L, TinyBuilds.Scalar(reader, $"SELECT count(*) FROM read_parquet('{Path.Combine(info.ExportFolder!, "mart_latest.parquet")}')"));
    }

    [Fact]
    public void A_builder_that_throws_half_way_leaves_the_previous_snapshot_current_and_no_temporary_files()
    {
        var store = Store();
        var first = PublishAndAdvance(store, 1);
        var before = _temp.Entries();

        var ex = Assert.Throws<InvalidDataException>(() => store.Publish(TinyBuilds.Crashing));

        Assert.Contains("simulated crash", ex.Message, StringComparison.Ordinal);
        Assert.Equal(first.Name, store.Current!.Name);
        Assert.Equal(before, _temp.Entries());
        Assert.Equal(1, TinyBuilds.ScalarFrom(store.Current.Path, "SELECT max(value) FROM mart_indicator"));
    }

    [Fact]
    public void A_build_cancelled_half_way_leaves_the_previous_snapshot_current()
    {
        var store = Store();
        var first = PublishAndAdvance(store, 1);
        var before = _temp.Entries();
        using var cancel = new CancellationTokenSource();

        Assert.ThrowsAny<OperationCanceledException>(() => store.Publish(connection =>
        {
            TinyBuilds.Execute(connection, "CREATE TABLE mart_indicator AS SELECT 2 AS value");
            cancel.Cancel();
            cancel.Token.ThrowIfCancellationRequested();
            return new BuildResult([], new Dictionary<string, long>());
        }, null, cancel.Token));

        Assert.Equal(first.Name, store.Current!.Name);
        Assert.Equal(before, _temp.Entries());
    }

    [Fact]
    public void A_cancellation_after_the_builder_returns_still_publishes_nothing()
    {
        var store = Store();
        var first = PublishAndAdvance(store, 1);
        using var cancel = new CancellationTokenSource();

        Assert.ThrowsAny<OperationCanceledException>(() => store.Publish(connection =>
        {
            var result = TinyBuilds.Marts(2)(connection);
            cancel.Cancel();
            return result;
        }, null, cancel.Token));

        Assert.Equal(first.Name, store.Current!.Name);
        Assert.Single(store.Published());
    }

    [Theory]
    [InlineData(PublishStage.Built)]
    [InlineData(PublishStage.Exported)]
    [InlineData(PublishStage.Closed)]
    [InlineData(PublishStage.Renamed)]
    internal void A_crash_at_any_stage_before_the_pointer_moves_leaves_the_previous_snapshot_current(PublishStage stage)
    {
        var store = Store();
        var first = PublishAndAdvance(store, 1);
        var before = _temp.Entries();
        store.AfterStage = s =>
        {
            if (s == stage)
            {
                throw new IOException($"simulated crash after {s}");
            }
        };

        Assert.Throws<IOException>(() => store.Publish(TinyBuilds.Marts(2)));

        Assert.Equal(first.Name, store.Current!.Name);
        Assert.Equal(before, _temp.Entries());
        Assert.Equal(1, TinyBuilds.ScalarFrom(store.Current.Path, "SELECT max(value) FROM mart_indicator"));
    }

    [Fact]
    public void Files_left_by_a_killed_build_are_ignored_by_readers_and_removed_by_the_next_build()
    {
        var store = Store();
        var first = PublishAndAdvance(store, 1);
        File.WriteAllText(Path.Combine(store.Folder, ".building-deadbeef.duckdb"), "half a database");
        File.WriteAllText(Path.Combine(store.Folder, ".building-deadbeef.duckdb.wal"), "half a log");
        Directory.CreateDirectory(Path.Combine(store.ExportsRoot, ".building-deadbeef"));
        File.WriteAllText(Path.Combine(store.Folder, ".current.json.0badc0de.tmp"), "{ half");

        Assert.Equal(first.Name, store.Current!.Name);
        Assert.Equal(["current.json", first.Name + ".duckdb", first.Name + ".json"],
            Directory.EnumerateFiles(store.Folder).Select(Path.GetFileName).Where(n => !n!.StartsWith('.')).Order(StringComparer.Ordinal));

        var second = store.Publish(TinyBuilds.Marts(2));

        Assert.Equal(second.Name, store.Current!.Name);
        Assert.DoesNotContain(_temp.Entries(), e => e.Contains(".building-", StringComparison.Ordinal) || e.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public void A_mart_without_the_readers_columns_is_refused_and_the_previous_snapshot_stays_current()
    {
        var store = Store();
        var first = PublishAndAdvance(store, 1);
        var before = _temp.Entries();

        var ex = Assert.Throws<InvalidOperationException>(() => store.Publish(connection =>
        {
            TinyBuilds.Execute(connection, "CREATE TABLE mart_indicator AS SELECT 2 AS value");
            return new BuildResult(["batch-b"], new Dictionary<string, long> { ["mart_indicator"] = 1 });
        }));

        Assert.Contains("readers' contract", ex.Message, StringComparison.Ordinal);
        Assert.Contains(MartContract.Columns, ex.Message, StringComparison.Ordinal);
        Assert.Equal(first.Name, store.Current!.Name);
        Assert.Equal(before, _temp.Entries());
    }

    [Fact]
    public void The_published_mart_is_in_series_order_in_small_row_groups_and_keeps_its_comments()
    {
        var store = Store();

        var info = store.Publish(TinyBuilds.Marts(6, 30_000));

        Assert.Equal(30_000L, TinyBuilds.ScalarFrom(info.Path, "SELECT count(*) FROM mart_indicator WHERE value = 6"));
        Assert.Equal(MartLayout.RowGroupSize, Convert.ToInt32(TinyBuilds.ScalarFrom(info.Path,
            "SELECT max(count) FROM pragma_storage_info('mart_indicator') WHERE column_name = 'value'"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0L, TinyBuilds.ScalarFrom(info.Path, """
            SELECT count(*) FROM (
                SELECT district_code < lag(district_code) OVER w
                       OR (district_code = lag(district_code) OVER w AND year < lag(year) OVER w) AS out_of_order
                FROM (SELECT *, row_number() OVER () AS position FROM mart_indicator)
                WINDOW w AS (ORDER BY position))
            WHERE out_of_order
            """));
        Assert.Equal("Indicator values 指标", TinyBuilds.ScalarFrom(info.Path, "SELECT comment FROM duckdb_tables() WHERE table_name = 'mart_indicator'"));
        Assert.Equal("The indicator value", TinyBuilds.ScalarFrom(info.Path, "SELECT comment FROM duckdb_columns() WHERE table_name = 'mart_indicator' AND column_name = 'value'"));
        Assert.Equal(6_000L, TinyBuilds.ScalarFrom(info.Path, "SELECT count(*) FROM mart_latest"));
    }

    [Fact]
    public void A_second_publisher_on_the_same_folder_is_refused_while_the_first_builds()
    {
        var store = Store();
        var other = Store();
        IOException? refused = null;

        store.Publish(connection =>
        {
            refused = Assert.Throws<IOException>(() => other.Publish(TinyBuilds.Marts(9)));
            return TinyBuilds.Marts(1)(connection);
        });

        Assert.Contains("Another build is publishing", refused!.Message, StringComparison.Ordinal);
        Assert.Equal(1, TinyBuilds.ScalarFrom(store.Current!.Path, "SELECT max(value) FROM mart_indicator"));
    }

    [Fact]
    public void OpenReadOnly_without_a_published_snapshot_says_what_to_run()
    {
        var ex = Assert.Throws<SnapshotNotFoundException>(() => Store().OpenReadOnly());

        Assert.Contains("analytics build", ex.Message, StringComparison.Ordinal);
        Assert.Null(Store().Current);
    }

    [Fact]
    public void OpenReadOnly_refuses_writes()
    {
        var store = Store();
        store.Publish(TinyBuilds.Marts(3));

        using var connection = store.OpenReadOnly();

        var ex = Assert.Throws<DuckDbException>(() => TinyBuilds.Execute(connection, "DELETE FROM mart_indicator"));
        Assert.Contains("read-only", ex.Message, StringComparison.Ordinal);
    }
}
