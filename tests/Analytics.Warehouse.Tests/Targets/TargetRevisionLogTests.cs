using Analytics.Catalog;

namespace Analytics.Warehouse.Tests.Targets;

public sealed class TargetRevisionLogTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("targets-").FullName;

    private TargetRevisionLog Log => TargetRevisionLog.ForSnapshots(_dir);

    private static TargetRow[] Poling(double in2022) =>
    [
        new("city", null, 2020, 50, ">=", null), new("city", null, 2021, 50, ">=", null), new("city", null, 2022, in2022, ">=", "每年60家以上"),
    ];

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_plan_is_version_1_and_a_recorded_revision_is_the_next_with_who_when_and_why()
    {
        Assert.Equal(TargetCatalog.Versions, Log.AllVersions());
        var v2 = Log.Record("YY-POLING", Poling(60), "岳阳市工信局 2021-06 调整通知", "admin", "中期调整", basedOn: 1);
        var v3 = Log.Record("YY-POLING", Poling(70), "第二次调整", "admin2", null, basedOn: 2);

        var read = Log.Read();
        Assert.Equal([2, 3], read.Select(v => v.Version));
        Assert.Equal("YY2020", read[0].Plan);
        Assert.Equal("admin", read[0].RecordedBy);
        Assert.Equal("中期调整", read[0].Reason);
        Assert.Equal(v2.RecordedAt, read[0].RecordedAt);
        Assert.Equal(Poling(60), read[0].Rows);
        Assert.Equal(v3, read[1] with { Rows = v3.Rows });
        Assert.Equal(TargetCatalog.Versions.Count + 2, Log.AllVersions().Count);
    }

    [Fact]
    public void A_change_based_on_an_older_version_is_refused_and_nothing_is_written()
    {
        Log.Record("YY-POLING", Poling(60), "调整通知", "admin", null, basedOn: 1);
        var ex = Assert.Throws<TargetRevisionException>(() => Log.Record("YY-POLING", Poling(55), "另一个通知", "other", null, basedOn: 1));
        Assert.Contains("version 2 now, not 1", ex.Message, StringComparison.Ordinal);
        Assert.Single(Log.Read());
    }

    [Theory]
    [InlineData("NO-SUCH", 60, ">=", "doc", "not an indicator")]
    [InlineData("YY-POLING", 60, ">=", " ", "source document")]
    [InlineData("YY-POLING", -1, ">=", "doc", "above 0")]
    [InlineData("YY-POLING", double.NaN, ">=", "doc", "above 0")]
    [InlineData("YY-POLING", 60, "=<", "doc", "comparator")]
    [InlineData("CQ-IT-ADOPT", 45, ">", "doc", "share")]
    public void A_version_breaking_a_rule_is_refused_with_the_reason_and_nothing_is_written(
        string indicator, double value, string comparator, string source, string reason)
    {
        var rows = indicator == "CQ-IT-ADOPT"
            ? new[] { new TargetRow("every_cell", 2012, 2015, value, comparator, null) }
            : Poling(60).Select((r, i) => i == 2 ? r with { Value = value, Comparator = comparator } : r).ToArray();
        var ex = Assert.Throws<TargetRevisionException>(() => Log.Record(indicator, rows, source, "admin", null, basedOn: 1));
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Log.Path));
    }

    [Theory]
    [InlineData("district", 2022, null, "scope")]
    [InlineData("city", 2031, null, "outside plan YY2020")]
    [InlineData("city", 2022, 2022, "baseline year")]
    public void Rows_with_a_wrong_scope_year_or_baseline_are_refused(string scope, int year, int? baseline, string reason)
    {
        var ex = Assert.Throws<TargetRevisionException>(() =>
            Log.Record("YY-POLING", [new TargetRow(scope, baseline, year, 60, ">=", null)], "doc", "admin", null, basedOn: 1));
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_rows_for_one_scope_and_year_are_refused()
    {
        var ex = Assert.Throws<TargetRevisionException>(() => Log.Record(
            "YY-POLING", [new TargetRow("city", null, 2022, 60, ">=", null), new TargetRow("city", null, 2022, 70, ">=", null)], "doc", "admin", null, 1));
        Assert.Contains("a second target", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_corrupt_line_is_named_with_its_line_number_and_a_half_written_last_line_is_not_read_yet()
    {
        Log.Record("YY-POLING", Poling(60), "调整通知", "admin", null, basedOn: 1);
        File.AppendAllText(Log.Path, "{\"plan\":\"YY2020\",\"indicator_id\":\"YY-POL");
        Assert.Single(Log.Read());

        File.AppendAllText(Log.Path, "\n");
        var ex = Assert.Throws<InvalidDataException>(() => Log.Read());
        Assert.Contains("line 2", ex.Message, StringComparison.Ordinal);
        Assert.Contains(Log.Path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_breaking_a_rule_is_refused_when_read_naming_the_line()
    {
        Log.Record("YY-POLING", Poling(60), "调整通知", "admin", null, basedOn: 1);
        var line = File.ReadAllText(Log.Path).Replace("\"value\":60", "\"value\":-60", StringComparison.Ordinal);
        File.WriteAllText(Log.Path, line);
        var ex = Assert.Throws<InvalidDataException>(() => Log.Read());
        Assert.Contains("line 1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("above 0", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_recorded_version_number_the_catalog_also_uses_is_refused_by_the_build()
    {
        var clash = TargetCatalog.Versions.First(v => v.IndicatorId == "YY-POLING") with { RecordedBy = "admin", SourceDocument = "doc" };
        var ex = Assert.Throws<InvalidDataException>(() => TargetRevisionLog.Merge(TargetCatalog.Versions, [clash], "revisions.jsonl"));
        Assert.Contains("revisions.jsonl line 1: version 1 of YY-POLING is already defined in Analytics.Catalog/targets.csv", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Writers_racing_each_other_never_record_one_version_twice()
    {
        const int writers = 8;
        var refused = 0;
        Parallel.For(0, writers, new ParallelOptions { MaxDegreeOfParallelism = writers }, i =>
        {
            var log = TargetRevisionLog.ForSnapshots(_dir);
            for (var attempt = 0; attempt < 50; attempt++)
            {
                var current = log.AllVersions().Where(v => v.IndicatorId == "YY-POLING").Max(v => v.Version);
                try
                {
                    log.Record("YY-POLING", Poling(60 + i), $"doc {i}", $"writer{i}", null, current);
                    return;
                }
                catch (TargetRevisionException)
                {
                    Interlocked.Increment(ref refused);
                }
            }
        });

        Assert.Equal(Enumerable.Range(2, writers), Log.Read().Select(v => v.Version));
        Assert.Equal(writers, Log.Read().Select(v => v.RecordedBy).Distinct().Count());
    }
}
