namespace Analytics.Warehouse.Building;

/// <summary>
/// Chooses, for each lake feed, the SQL that exposes it as a view: <c>Sql/lake/&lt;feed&gt;.sql</c> reads the Parquet
/// files of every published batch, <c>Sql/lake/&lt;feed&gt;_absent.sql</c> makes an empty view of the same shape when
/// the lake holds no file of that feed yet (DuckDB refuses a glob that matches nothing).
/// </summary>
internal static class LakeSources
{
    /// <summary>The feeds and the folder pattern under each <c>load=*</c> batch.</summary>
    private static readonly (string Name, string Folder, string Pattern)[] Feeds =
    [
        ("manifest", ".", "manifest.json"),
        ("registry", "feed=registry", "*.parquet"),
        ("recognitions", "feed=recognitions", "*.parquet"),
        ("patents", "feed=patents", "*.parquet"),
        ("rd_spend", "feed=rd_spend", "*.parquet"),
        ("survey", "feed=survey", "*.parquet"),
        ("quarantine", "quarantine", "*.parquet"),
    ];

    /// <summary>The SQL files (under <c>Sql/</c>) to run for <paramref name="lakeRoot"/>, one per feed.</summary>
    public static IReadOnlyList<string> ScriptsFor(string lakeRoot)
    {
        if (!Directory.Exists(lakeRoot))
        {
            throw new DirectoryNotFoundException($"The lake folder '{lakeRoot}' does not exist; run `analytics load` first.");
        }

        var batches = Directory.EnumerateDirectories(lakeRoot, "load=*").ToList();
        return Feeds.Select(f => Present(batches, f.Folder, f.Pattern) ? $"lake/{f.Name}.sql" : $"lake/{f.Name}_absent.sql").ToList();
    }

    private static bool Present(List<string> batches, string folder, string pattern) => batches.Any(batch =>
    {
        var path = Path.Combine(batch, folder);
        if (!Directory.Exists(path))
        {
            return false;
        }

        // Feeds are Hive-partitioned one level down (year=yyyy); quarantine and manifests sit directly in the folder.
        return folder.StartsWith("feed=", StringComparison.Ordinal)
            ? Directory.EnumerateDirectories(path).Any(d => Directory.EnumerateFiles(d, pattern).Any())
            : Directory.EnumerateFiles(path, pattern).Any();
    });
}
