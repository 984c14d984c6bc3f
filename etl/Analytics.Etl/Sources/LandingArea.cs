using Analytics.Etl.Contracts;

namespace Analytics.Etl.Sources;

/// <summary>
/// The landing area: raw extracts, byte for byte, one folder per content.
/// <code>
/// landing/
///   index.jsonl                                 one JSON line per landed file (see LandingIndexEntry)
///   &lt;feed&gt;/&lt;sha256&gt;/&lt;original file name&gt;     the bytes as fetched
///   .tmp/                                        downloads in progress (cleared by the next pull)
///   .lock                                        held by the running pull
/// </code>
/// A landed file is never changed or moved; content already landed for a feed is not landed again.
/// </summary>
public sealed class LandingArea
{
    /// <summary>Uses (without yet creating) the landing area at <paramref name="root"/>.</summary>
    public LandingArea(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        Root = Path.GetFullPath(root);
    }

    /// <summary>The absolute root folder.</summary>
    public string Root { get; }

    /// <summary>The landing index, <c>index.jsonl</c> under the root.</summary>
    public string IndexPath => Path.Combine(Root, "index.jsonl");

    internal string TempFolder => Path.Combine(Root, ".tmp");

    /// <summary>Every landed file, in the order it was landed.</summary>
    /// <exception cref="InvalidDataException">The index has a damaged line.</exception>
    public IReadOnlyList<LandingIndexEntry> ReadIndex() => LandingIndexFile.Read(IndexPath);

    /// <summary>The absolute path of a landed file.</summary>
    public string FullPathOf(LandingIndexEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Path.Combine(Root, entry.Path.Replace('/', Path.DirectorySeparatorChar));
    }

    /// <summary>The path, relative to the root and with <c>/</c>, where content of a feed is landed.</summary>
    public static string RelativePathFor(FeedKind feed, string sha256, string originalName) =>
        $"{feed.ToName()}/{sha256}/{LandingFileName.Sanitize(originalName)}";
}
