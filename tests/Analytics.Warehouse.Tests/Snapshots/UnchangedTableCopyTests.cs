using Analytics.Catalog;
using Analytics.DuckDb;
using Analytics.Warehouse.Snapshots;
using Analytics.Warehouse.Tests.Support;

namespace Analytics.Warehouse.Tests.Snapshots;

/// <summary>
/// A build copies from the previous snapshot the tables whose inputs are unchanged (issue 18, part 3), and whatever it
/// copies or builds, the snapshot holds exactly what a build of every table from the lake holds.
/// </summary>
public sealed class UnchangedTableCopyTests : IDisposable
{
    /// <summary>Tables that differ between any two builds by design: when and from what they were built.</summary>
    private static readonly string[] OfTheBuild = ["build_step", "snapshot_info", "snapshot_lineage"];

    private readonly FixtureLake _lake = new();
    private readonly TempFolder _folder = new();
    private readonly List<string> _progress = [];

    public UnchangedTableCopyTests()
    {
        _lake.WriteBatch("t1", Fixture.FirstLoad, Fixture.Registry(), Fixture.Recognitions(), Fixture.Patents(), Fixture.RdFirstBatch(),
            Fixture.Survey(), quarantinedRows: 2);
    }

    public void Dispose()
    {
        _lake.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public void A_build_of_an_unchanged_lake_copies_every_table_made_from_it_and_holds_what_a_full_build_holds()
    {
        var first = Publish("a", copy: true);
        var second = Publish("a", copy: true);
        Assert.Contains(_progress, p => p.StartsWith("fact_patent: copied from " + first.Name, StringComparison.Ordinal));
        Assert.DoesNotContain("intermediate/int_enterprise_snapshot.sql", _progress);
        Assert.Contains("intermediate/int_indicator_cell.sql", _progress);
        var full = Publish("full", copy: false);

        var made = Made(second);
        foreach (var table in new[] { "fact_enterprise_year", "dim_enterprise", "enterprise_plan_year", "fact_patent", "bridge_patent_applicant", "fact_rd_spend", "fact_survey_response", "fact_recognition", "dim_district", "indicator_target" })
        {
            Assert.Equal(first.Name, made[table]);
        }

        // Made afresh every time: what the clock or the indicator engine makes, and what reads it.
        foreach (var table in new[] { "build_lineage", "indicator_contribution", "mart_indicator", "mart_freshness" })
        {
            Assert.Null(made[table]);
        }

        AssertSameContent(second, full);
        Assert.All(Made(full).Values, Assert.Null);

        // A data test over copied tables passed on the same inputs when they were built; one over what is made afresh runs.
        var tested = Tested(second);
        Assert.Equal(first.Name, tested["unique fact_patent (application_no)"]);
        Assert.Equal(first.Name, tested["conserved lake_patents → fact_patent (one row per application_no)"]);
        Assert.Null(tested["unique mart_indicator (indicator_id, year, district_code, industry_group, size_class)"]);
        Assert.Null(tested["documented: every table and view has a comment"]);
        Assert.Equal(second.DataTests.Select(t => t.Name).Order(StringComparer.Ordinal), tested.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_new_batch_of_one_feed_builds_that_feeds_tables_and_copies_the_other_feeds()
    {
        var first = Publish("a", copy: true);
        _lake.WriteBatch("t2", Fixture.SecondLoad, [], [], [], Fixture.RdSecondBatch(), []);
        var second = Publish("a", copy: true);
        var full = Publish("full", copy: false);

        var made = Made(second);
        Assert.Null(made["fact_rd_spend"]);
        foreach (var table in new[] { "fact_enterprise_year", "dim_enterprise", "fact_patent", "bridge_patent_applicant", "fact_survey_response", "fact_recognition" })
        {
            Assert.Equal(first.Name, made[table]);
        }

        AssertSameContent(second, full);
        var tested = Tested(second);
        Assert.Null(tested["unique fact_rd_spend (credit_code, year)"]);
        Assert.Null(tested["conserved lake_rd_spend → fact_rd_spend (one row per credit_code, year)"]);
        Assert.Equal(first.Name, tested["unique fact_patent (application_no)"]);
        Assert.Equal(0, Rows(first, "SELECT count(*) FROM fact_rd_spend WHERE batch_id = 't2'"));
        Assert.True(Rows(second, "SELECT count(*) FROM fact_rd_spend WHERE batch_id = 't2'") > 0);
    }

    [Fact]
    public void A_recorded_target_builds_the_targets_and_copies_the_facts()
    {
        var first = Publish("a", copy: true);
        var log = TargetRevisionLog.ForSnapshots(_folder.PathOf("revisions"));
        log.Record("YY-POLING", [new("city", null, 2020, 50, ">=", null), new("city", null, 2021, 50, ">=", null), new("city", null, 2022, 1000, ">=", null)],
            "岳阳市工信局 调整通知 第2条", "admin", "中期调整", basedOn: 1);
        var second = Publish("a", copy: true, log.Path);
        var full = Publish("full", copy: false, log.Path);

        var made = Made(second);
        Assert.Null(made["indicator_target"]);
        Assert.Equal(first.Name, made["fact_patent"]);
        Assert.Equal(first.Name, made["dim_enterprise"]);
        AssertSameContent(second, full);
    }

    [Fact]
    public void A_damaged_previous_snapshot_is_not_copied_from_and_the_build_says_why()
    {
        var first = Publish("a", copy: true);
        File.SetAttributes(first.Path, FileAttributes.Normal);
        using (var file = new FileStream(first.Path, FileMode.Open, FileAccess.Write))
        {
            file.SetLength(file.Length - 4096);
        }

        var second = Publish("a", copy: true);
        Assert.Contains(_progress, p => p.StartsWith("Not copying from the previous snapshot " + Path.GetFileName(first.Path), StringComparison.Ordinal)
            && p.Contains("truncated", StringComparison.Ordinal));
        var full = Publish("full", copy: false);

        Assert.All(Made(second).Values, Assert.Null);
        AssertSameContent(second, full);
    }

    [Fact]
    public void A_table_that_cannot_be_copied_means_every_table_is_built_from_the_lake()
    {
        var first = Publish("a", copy: true);

        // A snapshot whose build_step promises fact_rd_spend, which is gone: the copies made before it are dropped again.
        var broken = CopyWithout(first, "broken.duckdb", "fact_rd_spend");
        var second = Build(broken, revisions: null, "broken");
        Assert.Contains(_progress, p => p.StartsWith("Copying fact_rd_spend from " + first.Name + " failed", StringComparison.Ordinal));
        var full = Publish("full", copy: false);

        Assert.All(Made(second).Values, Assert.Null);
        Assert.All(Tested(second).Values, Assert.Null);
        AssertSameContent(second, full);
    }

    [Fact]
    public void A_previous_snapshot_without_build_step_is_not_copied_from()
    {
        var first = Publish("a", copy: true);
        var old = CopyWithout(first, "old.duckdb", "build_step");
        var second = Build(old, revisions: null, "old-build");

        Assert.All(Made(second).Values, Assert.Null);
        Assert.Contains(_progress, p => p.StartsWith("Not copying from the previous snapshot old.duckdb", StringComparison.Ordinal) && p.Contains("build_step", StringComparison.Ordinal));
    }

    /// <summary>A copy of <paramref name="snapshot"/>'s file, outside any store, without <paramref name="table"/>.</summary>
    private string CopyWithout(SnapshotInfo snapshot, string name, string table)
    {
        var path = _folder.PathOf(name);
        File.Copy(snapshot.Path, path);
        File.SetAttributes(path, FileAttributes.Normal);
        using var connection = new DuckDbConnection($"Data Source={path}");
        connection.Open();
        using var drop = connection.CreateCommand("DROP TABLE " + DuckDbConnection.QuoteIdentifier(table));
        drop.ExecuteNonQuery();
        return path;
    }

    /// <summary>Publishes a build into the store <paramref name="store"/>, copying from its current snapshot when <paramref name="copy"/>; its progress lines replace the last build's.</summary>
    private SnapshotInfo Publish(string store, bool copy, string? revisions = null)
    {
        _progress.Clear();
        var snapshots = new SnapshotStore(_folder.PathOf(store));
        var inputs = new BuildInputs(_lake.Root, revisions) { Previous = copy ? snapshots.Current?.Path : null };
        var progress = new Progress(_progress);
        return snapshots.Publish(c => WarehouseBuilder.Build(c, inputs, progress), progress);
    }

    /// <summary>Publishes a build that copies from <paramref name="previous"/>, a snapshot outside the store.</summary>
    private SnapshotInfo Build(string previous, string? revisions, string store)
    {
        _progress.Clear();
        var inputs = new BuildInputs(_lake.Root, revisions) { Previous = previous };
        var progress = new Progress(_progress);
        return new SnapshotStore(_folder.PathOf(store)).Publish(c => WarehouseBuilder.Build(c, inputs, progress), progress);
    }

    /// <summary>Each table of build_step and the snapshot it was copied from (null: built).</summary>
    private static Dictionary<string, string?> Made(SnapshotInfo snapshot) => Steps(snapshot, "table");

    /// <summary>Each data test of build_step and the snapshot whose passing run stands for it (null: run).</summary>
    private static Dictionary<string, string?> Tested(SnapshotInfo snapshot) => Steps(snapshot, "data test");

    private static Dictionary<string, string?> Steps(SnapshotInfo snapshot, string kind)
    {
        using var connection = Open(snapshot.Path);
        return Db.Rows(connection, "SELECT step, reused_from FROM build_step WHERE kind = $kind", ("kind", kind))
            .ToDictionary(r => (string)r["step"]!, r => (string?)r["reused_from"], StringComparer.Ordinal);
    }

    private static long Rows(SnapshotInfo snapshot, string sql)
    {
        using var connection = Open(snapshot.Path);
        return Convert.ToInt64(Db.Rows(connection, sql)[0].Values.Single(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Every table and view of the two snapshots has the same columns and the same rows (as multisets), but for when it was built.</summary>
    private static void AssertSameContent(SnapshotInfo actual, SnapshotInfo expected)
    {
        using var connection = new DuckDbConnection();
        connection.Open();
        using (var attach = connection.CreateCommand(
            $"ATTACH {DuckDbConnection.QuoteLiteral(actual.Path)} AS actual (READ_ONLY); ATTACH {DuckDbConnection.QuoteLiteral(expected.Path)} AS expected (READ_ONLY)"))
        {
            attach.ExecuteNonQuery();
        }

        var objects = Db.Rows(connection, """
            SELECT table_name AS name, string_agg(column_name || ' ' || data_type || ' ' || coalesce(comment, ''), ', ' ORDER BY column_index) AS columns
            FROM duckdb_columns() WHERE database_name = $db GROUP BY ALL ORDER BY name
            """, ("db", "expected"));
        var actualObjects = Db.Rows(connection, """
            SELECT table_name AS name, string_agg(column_name || ' ' || data_type || ' ' || coalesce(comment, ''), ', ' ORDER BY column_index) AS columns
            FROM duckdb_columns() WHERE database_name = $db GROUP BY ALL ORDER BY name
            """, ("db", "actual"));
        Assert.Equal(objects.Select(o => $"{o["name"]}({o["columns"]})"), actualObjects.Select(o => $"{o["name"]}({o["columns"]})"));
        Assert.Equal(
            Db.Rows(connection, "SELECT table_name, comment FROM duckdb_tables() WHERE database_name = 'expected' ORDER BY 1").Select(r => $"{r["table_name"]}: {r["comment"]}"),
            Db.Rows(connection, "SELECT table_name, comment FROM duckdb_tables() WHERE database_name = 'actual' ORDER BY 1").Select(r => $"{r["table_name"]}: {r["comment"]}"));

        foreach (var name in objects.Select(o => (string)o["name"]!).Where(n => !OfTheBuild.Contains(n)))
        {
            var select = name == "build_lineage" ? "* EXCLUDE (built_at)" : "*";
            var quoted = DuckDbConnection.QuoteIdentifier(name);
            var differing = Db.Rows(connection, $"""
                SELECT count(*) AS n FROM (
                  (SELECT {select} FROM actual.{quoted} EXCEPT ALL SELECT {select} FROM expected.{quoted})
                  UNION ALL
                  (SELECT {select} FROM expected.{quoted} EXCEPT ALL SELECT {select} FROM actual.{quoted}))
                """)[0]["n"];
            Assert.True(Convert.ToInt64(differing, System.Globalization.CultureInfo.InvariantCulture) == 0, $"{name}: {differing} row(s) differ from a full build");
        }
    }

    private static DuckDbConnection Open(string path) => Analytics.Snapshots.SnapshotConnections.OpenReadOnly(path);

    /// <summary>Collects progress lines on the reporting thread.</summary>
    private sealed class Progress(List<string> lines) : IProgress<string>
    {
        public void Report(string value)
        {
            lock (lines)
            {
                lines.Add(value);
            }
        }
    }
}
