using Analytics.DuckDb;
using Analytics.Etl.Contracts;
using Analytics.Etl.Sources;

namespace Analytics.Warehouse.Building;

/// <summary>
/// The staging layer: <c>stg_&lt;feed&gt;</c>, one row per business key of each feed, generated from the feed's
/// contract (<see cref="FeedContract.KeyFields"/>, the same key the load judges duplicates on). When a later batch
/// re-delivers a key, the row from the newest batch (build_lineage.started_at) wins; within a batch the last row read
/// wins. The lake keeps the history.
/// </summary>
/// <remarks>
/// Each load already settles repeats within a file, so repeated keys are rare. The keys seen more than once are found
/// once (a hash aggregate into a small temporary table, <c>stg_&lt;feed&gt;_repeated</c>); the view passes every other
/// row straight through from the lake and ranks only the repeated keys' rows. Ranking every row sorted each whole
/// feed, and materialising deduplicated copies wrote tens of millions of rows a second time: together over a minute
/// at province scale. Rows whose required key fields are missing are not staged (the load never writes them).
/// </remarks>
internal static class StagingViews
{
    /// <summary>The names of the views <see cref="Create"/> makes, for the model graph.</summary>
    public static IReadOnlyList<string> ViewNames { get; } = FeedContracts.All.Select(c => ViewOf(c.Kind)).ToList();

    /// <summary>The staging view of a feed, e.g. <c>stg_recognitions</c>.</summary>
    public static string ViewOf(FeedKind feed) => "stg_" + feed.ToName();

    /// <summary>The key columns of a feed, in contract order.</summary>
    public static IReadOnlyList<string> Key(FeedContract contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        return contract.KeyFields.Select(i => contract.Fields[i].Name).ToList();
    }

    /// <summary>The condition a lake row must meet to be staged: every required key field present.</summary>
    public static string Keyed(FeedContract contract, string alias)
    {
        ArgumentNullException.ThrowIfNull(contract);
        return string.Join(" AND ", contract.KeyFields.Select(i => contract.Fields[i]).Where(f => f.Required)
            .Select(f => $"{alias}.{DuckDbConnection.QuoteIdentifier(f.Name)} IS NOT NULL"));
    }

    /// <summary>The statements that stage <paramref name="contract"/>'s feed.</summary>
    public static IReadOnlyList<string> Statements(FeedContract contract)
    {
        var lake = LakeSources.ViewOf(contract.Kind);
        var view = ViewOf(contract.Kind);
        var repeated = view + "_repeated";
        var key = Key(contract).Select(DuckDbConnection.QuoteIdentifier).ToList();
        var keyList = string.Join(", ", key);
        var match = string.Join(" AND ", key.Select(k => $"d.{k} IS NOT DISTINCT FROM r.{k}"));
        return
        [
            $"CREATE TEMP TABLE {repeated} AS SELECT {keyList} FROM {lake} r WHERE {Keyed(contract, "r")} GROUP BY ALL HAVING count(*) > 1",
            $"""
            CREATE TEMP VIEW {view} AS
            SELECT r.* FROM {lake} r ANTI JOIN {repeated} d ON {match}
            WHERE {Keyed(contract, "r")}
            UNION ALL BY NAME
            SELECT * EXCLUDE (rn) FROM (
                SELECT r.*, row_number() OVER (
                    PARTITION BY {string.Join(", ", key.Select(k => "r." + k))}
                    ORDER BY b.started_at DESC NULLS LAST, r.load DESC, r.source_file DESC, r.source_row DESC) AS rn
                FROM {lake} r SEMI JOIN {repeated} d ON {match}
                LEFT JOIN build_lineage b ON b.batch_id = r.load
            ) WHERE rn = 1
            """,
        ];
    }

    /// <summary>Creates every staging view on <paramref name="connection"/>.</summary>
    public static void Create(DuckDbConnection connection, CancellationToken cancellationToken)
    {
        foreach (var contract in FeedContracts.All)
        {
            foreach (var statement in Statements(contract))
            {
                using var command = connection.CreateCommand(statement);
                try
                {
                    command.ExecuteNonQueryAsync(cancellationToken).GetAwaiter().GetResult();
                }
                catch (DuckDbException ex)
                {
                    throw new InvalidOperationException($"Staging {ViewOf(contract.Kind)} failed: {ex.Message}", ex);
                }
            }
        }
    }
}
