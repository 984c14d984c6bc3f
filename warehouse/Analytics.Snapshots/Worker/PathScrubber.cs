using System.Text.RegularExpressions;

namespace Analytics.Snapshots.Worker;

/// <summary>
/// Takes server paths out of DuckDB's messages before they leave the worker: the snapshot becomes its file name, the
/// worker's folders <c>&lt;temp&gt;</c>, and any other absolute path <c>&lt;path&gt;</c>. Analysts see what went wrong,
/// never where the server keeps its files. The dashboard's data page uses <see cref="ToFileNames"/> the same way for
/// the quarantine's example messages.
/// </summary>
public static partial class PathScrubber
{
    /// <summary>The message with every absolute path cut to its file name: what a reader needs, not where the server keeps it.</summary>
    public static string ToFileNames(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return AbsolutePath().Replace(message, m => Path.GetFileName(m.Value.TrimEnd('/', '\\')) is { Length: > 0 } name ? name : "<path>");
    }

    /// <summary>The message with the snapshot as its file name, the worker's folders as &lt;temp&gt; and other absolute paths as &lt;path&gt;.</summary>
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
