using System.Text.Json;
using Analytics.Delivery.Tests.Support;
using Analytics.DuckDb;

namespace Analytics.Delivery.Tests;

/// <summary>
/// Alerts between two snapshots the product built (the demo, then the same lake after two target revisions): the
/// alert lists exactly the statuses that changed — checked against SQL over both files that shares nothing with the
/// product's comparison — nothing is sent when nothing changed, and each reader sees only what they may.
/// </summary>
public sealed class AlertTests : IDisposable
{
    private readonly DeliveryWorld _world = new();

    [Fact]
    public async Task An_alert_lists_exactly_the_statuses_the_new_snapshot_changed()
    {
        var subscription = _world.Subscribe(DeliveryWorld.Analyst, alerts: true);
        _world.Publish(RevisedSnapshots.Before);
        Assert.Equal(0, await _world.RoundAsync());
        Assert.Empty(_world.Deliveries());

        _world.Publish(RevisedSnapshots.After);
        Assert.Equal(1, await _world.RoundAsync());

        var alert = Assert.Single(_world.Deliveries());
        Assert.Equal((DeliveryKinds.Alert, DeliveryStates.Sent, Path.GetFileNameWithoutExtension(RevisedSnapshots.After)), (alert.Kind, alert.State, alert.Snapshot));
        var listed = JsonSerializer.Deserialize<List<StatusChange>>(alert.Content!)!
            .Select(c => $"{c.After.IndicatorId} {c.After.DistrictCode} {c.Before.Status}->{c.After.Status}").Order().ToList();
        var expected = ExpectedChanges("CQ2013").Order().ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, listed);
        Assert.Contains(listed, l => l.StartsWith("CQ-TECH-SME ALL ", StringComparison.Ordinal));
        Assert.Contains(listed, l => l.StartsWith("CQ-IT-ADOPT ", StringComparison.Ordinal));

        // The analyst's folder has the alert as HTML and text, every change on a line of its own.
        var text = File.ReadAllText(Directory.EnumerateFiles(Path.Combine(subscription.Address, alert.Snapshot), "*.txt").Single());
        Assert.Equal(expected.Count, text.Split('\n').Count(l => l.StartsWith("- ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Nothing_is_sent_when_a_new_snapshot_changes_no_status()
    {
        _world.Subscribe(DeliveryWorld.Analyst, alerts: true);
        _world.Publish(RevisedSnapshots.Before);
        await _world.RoundAsync();

        // The same data published again under a new name: a new snapshot, no changed status.
        var again = Path.Combine(_world.Folder, "republished", "warehouse-20990101T000000000-again.duckdb");
        Directory.CreateDirectory(Path.GetDirectoryName(again)!);
        File.Copy(RevisedSnapshots.Before, again);
        _world.Publish(again);
        Assert.Equal(0, await _world.RoundAsync());
        Assert.Empty(_world.Deliveries());
    }

    [Fact]
    public async Task A_leader_never_learns_a_withheld_cells_status_and_a_district_official_hears_of_the_city_and_their_district_only()
    {
        var leader = _world.Subscribe(DeliveryWorld.Leader, alerts: true);
        var official = _world.Subscribe(DeliveryWorld.Official, brief: BriefKinds.District, district: DeliveryWorld.OfficialDistrict, alerts: true);
        _world.Publish(RevisedSnapshots.Before);
        await _world.RoundAsync();
        _world.Publish(RevisedSnapshots.After);
        await _world.RoundAsync();

        var all = ExpectedChangeRows("CQ2013");
        var byId = _world.Deliveries().ToDictionary(d => d.SubscriptionId);
        var toLeader = Changes(byId[leader.Id]);
        var toOfficial = Changes(byId[official.Id]);

        // The leader: every change except those of withheld cells, before or after.
        Assert.Contains(all, r => r.SmallCell);
        Assert.Equal(all.Where(r => !r.SmallCell).Select(r => r.Key).Order(), toLeader.Select(Key).Order());
        // The official: the city's changes and their district's, their district's withheld cells included.
        Assert.Equal(all.Where(r => (r.District == "ALL" && !r.SmallCell) || r.District == DeliveryWorld.OfficialDistrict).Select(r => r.Key).Order(), toOfficial.Select(Key).Order());
        Assert.All(toOfficial, c => Assert.Contains(c.After.DistrictCode, new[] { "ALL", DeliveryWorld.OfficialDistrict }));
    }

    public void Dispose() => _world.Dispose();

    private static string Key(StatusChange c) => $"{c.After.IndicatorId} {c.After.DistrictCode}";

    private static List<StatusChange> Changes(DeliveryRecord d) => JsonSerializer.Deserialize<List<StatusChange>>(d.Content!)!;

    private static IEnumerable<string> ExpectedChanges(string plan) =>
        ExpectedChangeRows(plan).Select(r => $"{r.Key} {r.Before}->{r.After}");

    /// <summary>
    /// The changed standings by SQL over both files: per indicator and place, the status of the latest year that has
    /// one, before and after; small when the cell is withheld in either.
    /// </summary>
    private static List<(string Key, string District, string Before, string After, bool SmallCell)> ExpectedChangeRows(string plan)
    {
        using var connection = new DuckDbConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            ATTACH '{RevisedSnapshots.Before}' AS b (READ_ONLY);
            ATTACH '{RevisedSnapshots.After}' AS a (READ_ONLY);
            WITH b AS (SELECT indicator_id, district_code, arg_max(status, year) AS status, arg_max(small_cell, year) AS small
                       FROM b.mart_indicator WHERE plan = '{plan}' AND industry_group = 'ALL' AND size_class = 'ALL' AND status IS NOT NULL GROUP BY ALL),
                 a AS (SELECT indicator_id, district_code, arg_max(status, year) AS status, arg_max(small_cell, year) AS small
                       FROM a.mart_indicator WHERE plan = '{plan}' AND industry_group = 'ALL' AND size_class = 'ALL' AND status IS NOT NULL GROUP BY ALL)
            SELECT a.indicator_id || ' ' || a.district_code, a.district_code, b.status, a.status, a.small OR b.small
            FROM a JOIN b USING (indicator_id, district_code) WHERE a.status <> b.status
            """;
        using var reader = command.ExecuteReader();
        var rows = new List<(string, string, string, string, bool)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetBoolean(4)));
        }

        return rows;
    }
}
