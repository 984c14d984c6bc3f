using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Analytics.DuckDb;
using Analytics.Etl.Contracts;
using Analytics.Etl.Sources;
using Analytics.Lake;

namespace Analytics.Warehouse.Building;

/// <summary>
/// Fingerprints of what the build's sources hold, for <see cref="ReusePlan"/>: equal fingerprints mean equal content.
/// The lake is fingerprinted by its files, not by reading them: a published batch (<c>load=&lt;id&gt;</c>) is never
/// written again, so a feed's fingerprint is the list of the batches holding it, each batch's manifest (its start time
/// orders the batches when a key is re-delivered), and the name and size of each of the feed's Parquet files. The
/// catalog's raw tables are small and fingerprinted by their content.
/// </summary>
internal static class InputFingerprints
{
    /// <summary>Changes whenever the meaning of a fingerprint changes, so an older snapshot's tables are built again.</summary>
    private const string Scheme = "analytics-build-inputs/1";

    /// <summary>The SHA-256 (hex) of <paramref name="parts"/>, each kept apart from the next; the scheme and DuckDB's version are part of every hash.</summary>
    public static string Hash(IEnumerable<string> parts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var part in (string[])[Scheme, DuckDbEngine.Version, .. parts])
        {
            hash.AppendData(Encoding.UTF8.GetBytes(part));
            hash.AppendData([0]);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>A fingerprint of each lake view (<see cref="LakeSources.ViewNames"/>) over the lake at <paramref name="lakeRoot"/>.</summary>
    public static IReadOnlyDictionary<string, string> Lake(string lakeRoot)
    {
        var layout = new LakeLayout(lakeRoot);
        var batches = layout.PublishedBatches().ToList();
        var fingerprints = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["lake_manifest"] = Hash(batches.Select(b => Manifest(b))),
            ["lake_quarantine"] = Hash(batches.SelectMany(b => Files(layout.Root, Path.Combine(b, "quarantine")))),
        };
        foreach (var contract in FeedContracts.All)
        {
            var parts = new List<string>();
            foreach (var batch in batches)
            {
                var files = Files(layout.Root, Path.Combine(batch, "feed=" + contract.Kind.ToName())).ToList();
                if (files.Count > 0)
                {
                    parts.Add(Manifest(batch));
                    parts.AddRange(files);
                }
            }

            fingerprints[LakeSources.ViewOf(contract.Kind)] = Hash(parts);
        }

        return fingerprints;
    }

    /// <summary>A fingerprint of each staging view: its statements and its feed's lake fingerprint (the only batches whose start times it reads from build_lineage).</summary>
    public static IReadOnlyDictionary<string, string> Staging(IReadOnlyDictionary<string, string> known)
    {
        var fingerprints = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var contract in FeedContracts.All)
        {
            if (known.GetValueOrDefault(LakeSources.ViewOf(contract.Kind)) is { } lake)
            {
                fingerprints[StagingViews.ViewOf(contract.Kind)] = Hash([.. StagingViews.Statements(contract), lake]);
            }
        }

        return fingerprints;
    }

    /// <summary>A fingerprint of each of <paramref name="tables"/> by its content, read on <paramref name="connection"/> (small tables only).</summary>
    public static IReadOnlyDictionary<string, string> Content(DuckDbConnection connection, IEnumerable<string> tables)
    {
        var fingerprints = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            var name = DuckDbConnection.QuoteIdentifier(table);
            // A row cast to text names its columns and quotes its strings: {'plan': 'CQ2013', 'start_year': 2013}.
            using var command = connection.CreateCommand(
                $"SELECT coalesce(string_agg(row, chr(30) ORDER BY row), '') FROM (SELECT CAST(t AS VARCHAR) AS row FROM {name} t)");
            fingerprints[table] = Hash([table, (string)command.ExecuteScalar()!]);
        }

        return fingerprints;
    }

    private static string Manifest(string batch)
    {
        var file = Path.Combine(batch, "manifest.json");
        return Path.GetFileName(batch) + "\n" + (File.Exists(file) ? File.ReadAllText(file) : "");
    }

    /// <summary>Each Parquet file under <paramref name="folder"/>: its path in the lake and its size, in path order.</summary>
    private static IEnumerable<string> Files(string root, string folder) => Directory.Exists(folder)
        ? Directory.EnumerateFiles(folder, "*.parquet", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/') + " " + new FileInfo(f).Length.ToString(CultureInfo.InvariantCulture))
            .Order(StringComparer.Ordinal)
        : [];
}
