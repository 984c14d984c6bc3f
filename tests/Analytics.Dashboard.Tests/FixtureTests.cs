using Analytics.Dashboard.Tests.Support;

namespace Analytics.Dashboard.Tests;

public sealed class FixtureTests
{
    /// <summary>Writes the fixture snapshot, and also to $DASHBOARD_FIXTURE_OUT when set (to look at the dashboard by hand).</summary>
    [Fact]
    public void The_fixture_snapshot_can_be_written()
    {
        var folder = FixtureSnapshot.TempFolder();
        var path = FixtureSnapshot.Create(Path.Combine(folder, "fixture.duckdb"));
        Assert.Equal(240, Mart.Rows(path, "indicator_id = 'CQ-TECH-SME'").Count);
        Directory.Delete(folder, recursive: true);
        if (Environment.GetEnvironmentVariable("DASHBOARD_FIXTURE_OUT") is { Length: > 0 } target)
        {
            FixtureSnapshot.Create(target);
        }
    }
}
