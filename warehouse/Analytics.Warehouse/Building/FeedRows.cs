using Analytics.DuckDb;
using Analytics.Etl.Contracts;

namespace Analytics.Warehouse.Building;

/// <summary>
/// Where every lake row of a feed went in a build: into its fact, or dropped for a stated reason. The counts add up
/// (<see cref="LakeRows"/> = <see cref="WithoutKey"/> + <see cref="Superseded"/> + <see cref="Folded"/> +
/// <see cref="FactRows"/>), and the conservation data tests fail the build when a fact loses or doubles a key.
/// </summary>
/// <param name="Feed">The feed, e.g. recognitions.</param>
/// <param name="LakeRows">Rows of the feed in the lake's published batches.</param>
/// <param name="WithoutKey">Rows missing a required key field (the load never writes them; counted in case).</param>
/// <param name="Superseded">Rows whose key a later delivery re-delivered (the newest batch wins; the lake keeps the history).</param>
/// <param name="Folded">Registry only: earlier snapshots of an enterprise within a year (the year's last is kept).</param>
/// <param name="Fact">The fact table the rows become.</param>
/// <param name="FactRows">Rows of that fact.</param>
public sealed record FeedRows(string Feed, long LakeRows, long WithoutKey, long Superseded, long Folded, string Fact, long FactRows)
{
    /// <summary>The fact each feed becomes, one row per staged row (the registry: one per enterprise and year).</summary>
    internal static readonly (FeedKind Feed, string Fact)[] FactOf =
    [
        (FeedKind.Registry, "fact_enterprise_year"),
        (FeedKind.Recognitions, "fact_recognition"),
        (FeedKind.Patents, "fact_patent"),
        (FeedKind.RdSpend, "fact_rd_spend"),
        (FeedKind.Survey, "fact_survey_response"),
    ];

    /// <summary>Counts every feed on a connection that still has the build's lake and staging views.</summary>
    internal static IReadOnlyList<FeedRows> Read(DuckDbConnection connection) => FactOf.Select(f =>
    {
        var contract = FeedContracts.For(f.Feed);
        var lake = LakeSources.ViewOf(f.Feed);
        using var command = connection.CreateCommand(
            $"SELECT (SELECT count(*) FROM {lake}), (SELECT count(*) FROM {lake} r WHERE NOT ({StagingViews.Keyed(contract, "r")})), " +
            $"(SELECT count(*) FROM {StagingViews.ViewOf(f.Feed)}), (SELECT count(*) FROM {f.Fact})");
        using var reader = command.ExecuteReader();
        reader.Read();
        var (lakeRows, unkeyed, staged, facts) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
        return new FeedRows(Analytics.Etl.Sources.FeedNames.ToName(contract.Kind), lakeRows, unkeyed, lakeRows - unkeyed - staged, staged - facts, f.Fact, facts);
    }).ToList();
}
