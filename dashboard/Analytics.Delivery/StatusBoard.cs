using System.Globalization;
using Analytics.Snapshots;

namespace Analytics.Delivery;

/// <summary>
/// Where an indicator stands for the city or one district: the status of its latest judged year (on track, at risk,
/// off track). <paramref name="SmallCell"/> says the cell is withheld from readers who may not see it.
/// </summary>
public sealed record StandingRow(
    string Plan, string IndicatorId, string IndicatorZh, string IndicatorEn, int SortOrder,
    string DistrictCode, string DistrictZh, string DistrictEn, int Year, string Status, bool SmallCell);

/// <summary>A status that a new snapshot changed.</summary>
/// <param name="Before">Where it stood in the earlier snapshot.</param>
/// <param name="After">Where it stands now.</param>
public sealed record StatusChange(StandingRow Before, StandingRow After);

/// <summary>
/// The standing of every indicator for the city and each district in a snapshot, and what changed between two: the
/// facts an alert is made of. "Standing" is the status of the latest year that has one (the marts leave later years
/// without data unjudged), read from <c>mart_indicator</c>'s city and district totals (every industry, every size).
/// </summary>
public static class StatusBoard
{
    /// <summary>The code of the city's own row.</summary>
    public const string City = "ALL";

    private const string Query = """
        SELECT m.plan, m.indicator_id, c.name_zh, c.name_en, c.sort_order, m.district_code,
               coalesce(d.name_zh, m.district_name_zh), coalesce(d.name_en, m.district_name_zh), m.year, m.status, m.small_cell
        FROM mart_indicator m
        JOIN indicator_catalog c USING (indicator_id)
        LEFT JOIN mart_plan_district d ON d.plan = m.plan AND d.district_code = m.district_code
        WHERE m.industry_group = 'ALL' AND m.size_class = 'ALL' AND m.status IS NOT NULL
        QUALIFY row_number() OVER (PARTITION BY m.plan, m.indicator_id, m.district_code ORDER BY m.year DESC) = 1
        ORDER BY m.plan, c.sort_order, m.district_code
        """;

    /// <summary>Every standing in the snapshot file <paramref name="snapshotFile"/>.</summary>
    public static List<StandingRow> Read(string snapshotFile)
    {
        using var connection = SnapshotConnections.OpenReadOnly(snapshotFile, threads: 1);
        using var command = connection.CreateCommand();
        command.CommandText = Query;
        using var reader = command.ExecuteReader();
        var rows = new List<StandingRow>();
        while (reader.Read())
        {
            rows.Add(new StandingRow(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                Convert.ToInt32(reader.GetValue(4), CultureInfo.InvariantCulture), reader.GetString(5), reader.GetString(6), reader.GetString(7),
                Convert.ToInt32(reader.GetValue(8), CultureInfo.InvariantCulture), reader.GetString(9), reader.GetBoolean(10)));
        }

        return rows;
    }

    /// <summary>
    /// The standings whose status differs between <paramref name="before"/> and <paramref name="after"/>, in the order
    /// of the plan's indicators, the city first. A standing present in only one of them is not a change of status.
    /// </summary>
    public static List<StatusChange> Changes(IEnumerable<StandingRow> before, IEnumerable<StandingRow> after)
    {
        var earlier = before.ToDictionary(r => (r.Plan, r.IndicatorId, r.DistrictCode));
        return after
            .Where(r => earlier.TryGetValue((r.Plan, r.IndicatorId, r.DistrictCode), out var b) && b.Status != r.Status)
            .Select(r => new StatusChange(earlier[(r.Plan, r.IndicatorId, r.DistrictCode)], r))
            .OrderBy(c => c.After.Plan, StringComparer.Ordinal).ThenBy(c => c.After.SortOrder)
            .ThenBy(c => c.After.DistrictCode == City ? "" : c.After.DistrictCode, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The changes a subscription is about and its recipient may see: its plan — the city and every district for a
    /// plan brief, the city and its district for a district brief — without the status of a cell withheld from them
    /// (before or after).
    /// </summary>
    public static List<StatusChange> For(IEnumerable<StatusChange> changes, Subscription subscription, Recipient recipient)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(recipient);
        return changes.Where(c =>
                c.After.Plan == subscription.Plan
                && (subscription.Brief == BriefKinds.Plan || c.After.DistrictCode == City || c.After.DistrictCode == subscription.District)
                && Visible(c.Before, recipient) && Visible(c.After, recipient))
            .ToList();
    }

    private static bool Visible(StandingRow row, Recipient recipient) => !row.SmallCell || recipient.Reveals(row.DistrictCode);
}
