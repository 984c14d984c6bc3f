using Analytics.Etl.Contracts;

namespace Analytics.Etl.Sources;

/// <summary>
/// Exclusive use of a landing area for one pull: holds the lock file, the index in memory, and lands completed
/// temporary files. The index keeps one line per distinct (feed, sha256); a file is renamed into place before its
/// line is appended, so a crash between the two leaves a landed file that the next pull records.
/// </summary>
internal sealed class LandingSession : IDisposable
{
    private readonly FileStream _lock;
    private readonly Dictionary<(FeedKind, string), LandingIndexEntry> _byContent = [];
    private readonly Dictionary<string, LandingIndexEntry> _latestByOrigin = new(StringComparer.Ordinal);

    private LandingSession(LandingArea area, FileStream lockFile)
    {
        Area = area;
        _lock = lockFile;
        foreach (var entry in LandingIndexFile.Read(area.IndexPath))
        {
            _byContent.TryAdd((entry.Feed, entry.Sha256), entry);
            _latestByOrigin[entry.Origin] = entry;
        }
    }

    /// <summary>The landing area this session holds.</summary>
    public LandingArea Area { get; }

    /// <summary>Creates the folders, takes the lock, clears temporary files a crashed pull left, and reads the index.</summary>
    /// <exception cref="IOException">Another pull holds the landing area.</exception>
    public static LandingSession Open(LandingArea area)
    {
        Directory.CreateDirectory(area.TempFolder);
        var lockPath = Path.Combine(area.Root, ".lock");
        FileStream lockFile;
        try
        {
            // FileShare.None is an exclusive advisory lock (flock) on Unix; the OS drops it if the process dies.
            lockFile = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new IOException(
                $"The landing area {area.Root} is in use by another pull (it holds {lockPath}). Wait for that pull to finish, then run this one again.", e);
        }

        try
        {
            foreach (var stale in Directory.EnumerateFiles(area.TempFolder, "*.part"))
            {
                File.Delete(stale);
            }

            LandingIndexFile.RepairTornTail(area.IndexPath);
            return new LandingSession(area, lockFile);
        }
        catch
        {
            lockFile.Dispose();
            throw;
        }
    }

    /// <summary>The entry for this content of this feed when it is landed and its file is still there.</summary>
    public LandingIndexEntry? FindLanded(FeedKind feed, string sha256) =>
        _byContent.TryGetValue((feed, sha256), out var entry) && File.Exists(Area.FullPathOf(entry)) ? entry : null;

    /// <summary>The most recent entry that came from <paramref name="origin"/>, if its file is still there (for HTTP validators).</summary>
    public LandingIndexEntry? FindLatestFrom(string origin) =>
        _latestByOrigin.TryGetValue(origin, out var entry) && File.Exists(Area.FullPathOf(entry)) ? entry : null;

    /// <summary>
    /// Lands a completed temporary file described by <paramref name="draft"/> (whose <see cref="LandingIndexEntry.Path"/>
    /// is ignored). Returns the entry and true, or the existing entry and false when this content is already landed.
    /// </summary>
    public (LandingIndexEntry Entry, bool Landed) Land(LandingTempFile temp, LandingIndexEntry draft)
    {
        if (FindLanded(draft.Feed, draft.Sha256) is { } existing)
        {
            return (existing, false);
        }

        // A recorded entry whose file was deleted is restored at its recorded path, keeping the index one line per content.
        var recorded = _byContent.GetValueOrDefault((draft.Feed, draft.Sha256));
        var entry = recorded ?? draft with { Path = LandingArea.RelativePathFor(draft.Feed, draft.Sha256, draft.OriginalName) };
        var target = Area.FullPathOf(entry);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        temp.MoveTo(target);
        if (recorded is null)
        {
            LandingIndexFile.Append(Area.IndexPath, entry);
            _byContent[(entry.Feed, entry.Sha256)] = entry;
        }

        _latestByOrigin[draft.Origin] = entry;
        return (entry, true);
    }

    /// <inheritdoc />
    public void Dispose() => _lock.Dispose();
}
