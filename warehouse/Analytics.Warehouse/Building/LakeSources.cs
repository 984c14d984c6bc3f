using Analytics.DuckDb;
using Analytics.Etl.Contracts;
using Analytics.Etl.Sources;
using Analytics.Lake;

namespace Analytics.Warehouse.Building;

/// <summary>
/// The lake as temporary views, generated from the lake's own definitions (<see cref="LakeLayout"/> for the globs,
/// <see cref="LakeSchema"/> for the columns): <c>lake_manifest</c>, <c>lake_quarantine</c> and one <c>lake_&lt;feed&gt;</c>
/// per feed. A feed with no file in the lake yet gets an empty view of the same columns (DuckDB refuses a glob that
/// matches nothing), so the build runs on a lake that has only some feeds. A column the schema declares that no file of
/// a feed has (a lake loaded before the column existed, e.g. patents' <c>applicant_credit_codes</c>) reads as NULL,
/// as one missing from some files does (<c>union_by_name</c>), so such a lake still builds.
/// </summary>
internal static class LakeSources
{
    /// <summary>The manifest fields the build reads (load=&lt;id&gt;/manifest.json, BatchManifest in the lake).</summary>
    private static readonly LakeColumn[] ManifestColumns =
    [
        new("batch_id", "VARCHAR"), new("status", "VARCHAR"), new("started_at", "TIMESTAMPTZ"), new("finished_at", "TIMESTAMPTZ"),
        new("files", "JSON"),
    ];

    /// <summary>The names of the views <see cref="Create"/> makes, for the model graph.</summary>
    public static IReadOnlyList<string> ViewNames { get; } =
        ["lake_manifest", "lake_quarantine", .. FeedContracts.All.Select(c => ViewOf(c.Kind))];

    /// <summary>The view of a feed, e.g. <c>lake_rd_spend</c>.</summary>
    public static string ViewOf(FeedKind feed) => "lake_" + feed.ToName();

    /// <summary>The CREATE statements for <paramref name="lakeRoot"/>.</summary>
    public static IReadOnlyList<string> Statements(string lakeRoot)
    {
        if (!Directory.Exists(lakeRoot))
        {
            throw new DirectoryNotFoundException($"The lake folder '{lakeRoot}' does not exist; run `analytics load` first.");
        }

        var layout = new LakeLayout(lakeRoot);
        var batches = layout.PublishedBatches().ToList();
        var statements = new List<string>
        {
            batches.Any(b => File.Exists(Path.Combine(b, "manifest.json")))
                ? View("lake_manifest", $"SELECT * FROM read_json({Literal(layout.ManifestGlob)}, columns = {{{string.Join(", ", ManifestColumns.Select(c => $"{c.Name}: '{c.Type}'"))}}}, format = 'auto')")
                : Empty("lake_manifest", ManifestColumns),
            batches.Any(b => HasFiles(Path.Combine(b, "quarantine")))
                ? View("lake_quarantine", ReadParquet(layout.QuarantineGlob))
                : Empty("lake_quarantine", LakeSchema.QuarantineAsRead),
        };
        foreach (var contract in FeedContracts.All)
        {
            var present = batches.Any(b => Directory.Exists(Path.Combine(b, "feed=" + contract.Kind.ToName()))
                && Directory.EnumerateDirectories(Path.Combine(b, "feed=" + contract.Kind.ToName())).Any(HasFiles));
            statements.Add(present
                ? View(ViewOf(contract.Kind), $"{ReadParquet(layout.FeedGlob(contract.Kind))} UNION ALL BY NAME {Typed(LakeSchema.FeedAsRead(contract))} WHERE false")
                : Empty(ViewOf(contract.Kind), LakeSchema.FeedAsRead(contract)));
        }

        return statements;
    }

    /// <summary>Creates every lake view on <paramref name="connection"/>.</summary>
    public static void Create(DuckDbConnection connection, string lakeRoot, CancellationToken cancellationToken)
    {
        foreach (var statement in Statements(lakeRoot))
        {
            using var command = connection.CreateCommand(statement);
            try
            {
                command.ExecuteNonQueryAsync(cancellationToken).GetAwaiter().GetResult();
            }
            catch (DuckDbException ex)
            {
                throw new InvalidOperationException($"Reading the lake '{lakeRoot}' failed: {ex.Message}", ex);
            }
        }
    }

    private static bool HasFiles(string folder) => Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*.parquet").Any();

    private static string ReadParquet(string glob) => $"SELECT * FROM read_parquet({Literal(glob)}, hive_partitioning = true, union_by_name = true)";

    private static string View(string name, string select) => $"CREATE TEMP VIEW {name} AS {select}";

    private static string Empty(string name, IEnumerable<LakeColumn> columns) => View(name, $"{Typed(columns)} WHERE false");

    /// <summary>One row of typed NULLs: with <c>WHERE false</c>, no rows but the columns' names and types.</summary>
    private static string Typed(IEnumerable<LakeColumn> columns) =>
        $"SELECT {string.Join(", ", columns.Select(c => $"CAST(NULL AS {c.Type}) AS {DuckDbConnection.QuoteIdentifier(c.Name)}"))}";

    private static string Literal(string path) => DuckDbConnection.QuoteLiteral(path.Replace('\\', '/'));
}
