using System.Globalization;
using System.Text.RegularExpressions;

namespace Analytics.Warehouse.Snapshots;

/// <summary>
/// The names in a snapshot folder: <c>warehouse-&lt;UTC yyyyMMddTHHmmssfff&gt;-&lt;8 hex&gt;.duckdb</c> for published
/// snapshots (so ordinal order is age order) and <c>.building-&lt;id&gt;.duckdb</c> for a build in progress.
/// </summary>
public static partial class SnapshotNames
{
    /// <summary>Extension of a snapshot file.</summary>
    public const string Extension = ".duckdb";

    /// <summary>Prefix of a build in progress (a file, or a folder under <c>exports/</c>); never read, removed by the next build.</summary>
    public const string BuildingPrefix = ".building-";

    private const string TimeFormat = "yyyyMMdd'T'HHmmssfff";

    /// <summary>The name of a snapshot built at <paramref name="builtAt"/> with the short id <paramref name="id"/>.</summary>
    public static string Create(DateTimeOffset builtAt, string id) =>
        "warehouse-" + builtAt.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture) + "-" + id;

    /// <summary>A new random short id (8 lower-case hex digits).</summary>
    public static string NewId() => Guid.NewGuid().ToString("N")[..8];

    /// <summary>The build time in a snapshot name (with or without extension), or false when it is not one.</summary>
    public static bool TryParse(string fileName, out DateTimeOffset builtAt)
    {
        builtAt = default;
        var match = NamePattern().Match(fileName);
        if (!match.Success)
        {
            return false;
        }

        builtAt = new DateTimeOffset(DateTime.ParseExact(match.Groups["time"].Value, TimeFormat, CultureInfo.InvariantCulture), TimeSpan.Zero);
        return true;
    }

    [GeneratedRegex(@"^warehouse-(?<time>\d{8}T\d{9})-(?<id>[0-9a-f]{8})(\.duckdb)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
