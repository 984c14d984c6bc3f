using System.Text.RegularExpressions;

namespace Analytics.Snapshots.Worker;

/// <summary>
/// Takes server paths out of DuckDB's messages before they leave the worker: the snapshot becomes its file name, the
/// worker's folders <c>&lt;temp&gt;</c>, and any other absolute path <c>&lt;path&gt;</c>. Analysts see what went wrong,
/// never where the server keeps its files.
/// </summary>
internal static partial class PathScrubber
{
    public static string Scrub(string message, string? snapshot, string? tempDirectory)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!string.IsNullOrEmpty(snapshot))
        {
            message = message.Replace(snapshot, Path.GetFileName(snapshot), StringComparison.Ordinal);
            if (Path.GetDirectoryName(snapshot) is { Length: > 1 } folder)
            {
                message = message.Replace(folder + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);
            }
        }

        if (!string.IsNullOrEmpty(tempDirectory))
        {
            message = message.Replace(tempDirectory, "<temp>", StringComparison.Ordinal);
        }

        return AbsolutePath().Replace(message, "<path>");
    }

    // A slash-rooted path of two or more segments, or a drive-rooted one (C:\…).
    [GeneratedRegex(@"(?<![\w.<>:/])(?:/[^\s'""/:;,()]+){2,}/?|[A-Za-z]:\\[^\s'""]+")]
    private static partial Regex AbsolutePath();
}
