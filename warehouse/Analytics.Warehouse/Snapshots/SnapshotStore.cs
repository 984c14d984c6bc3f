using Analytics.DuckDb;
using Analytics.Snapshots;

namespace Analytics.Warehouse.Snapshots;

/// <summary>
/// A folder of published warehouse snapshots. A build writes <c>.building-&lt;id&gt;.duckdb</c>, records its lineage in
/// it, exports the marts as Parquet, checkpoints and closes it, renames it to
/// <c>warehouse-&lt;UTC yyyyMMddTHHmmssfff&gt;-&lt;id&gt;.duckdb</c>, and only then points <c>current.json</c> at it.
/// <code>
/// snapshots/warehouse-20250101T120000000-1a2b3c4d.duckdb    a published snapshot (never written again)
/// snapshots/warehouse-20250101T120000000-1a2b3c4d.json      its record: build and publish times, lineage, rows, exports, size and SHA-256
/// snapshots/exports/warehouse-…-1a2b3c4d/mart_*.parquet      its marts as Parquet, for other tools
/// snapshots/current.json                                     the record of the current snapshot (replaced by a rename)
/// snapshots/.building-&lt;id&gt;.duckdb, exports/.building-&lt;id&gt;/    a build in progress; never read, removed by the next build
/// snapshots/.publish.lock                                    held by the one build publishing into the folder
/// </code>
/// </summary>
/// <remarks>
/// <para><c>current.json</c> rather than a symbolic link: it is replaced atomically by a rename on every platform
/// (symbolic links need privileges on Windows and are lost by some copy tools), and it carries the lineage with it.</para>
/// <para>A crash or an exception before <c>current.json</c> is replaced leaves the previous snapshot current and
/// untouched; the temporary files are deleted at once, or by the next build after a process crash.</para>
/// <para>Pruning keeps the <see cref="SnapshotStoreOptions.Keep"/> newest snapshots, the current one, and any published
/// within <see cref="SnapshotStoreOptions.MinimumAge"/>. A reader that already has a snapshot open is not disturbed when
/// it is pruned: on Linux and macOS a deleted file stays readable through the handles open on it; on Windows an open
/// file cannot be deleted, so pruning skips it and retries after the next build.</para>
/// </remarks>
public sealed class SnapshotStore
{
    /// <summary>The pointer file naming the current snapshot.</summary>
    public const string CurrentFileName = SnapshotResolver.PointerFileName;

    /// <summary>The folder, under the snapshot folder, of the marts exported as Parquet.</summary>
    public const string ExportsFolderName = "exports";

    private readonly TimeProvider _time;

    /// <summary>A store over <paramref name="folder"/> (created by the first publish).</summary>
    public SnapshotStore(string folder, SnapshotStoreOptions? options = null, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Folder = Path.GetFullPath(folder);
        Options = options ?? new SnapshotStoreOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.Keep, 1, nameof(options));
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The snapshot folder.</summary>
    public string Folder { get; }

    /// <summary>How snapshots are built, exported and pruned.</summary>
    public SnapshotStoreOptions Options { get; }

    /// <summary>The folder of Parquet exports.</summary>
    public string ExportsRoot => Path.Combine(Folder, ExportsFolderName);

    /// <summary>The path of <c>current.json</c>.</summary>
    public string CurrentPath => Path.Combine(Folder, CurrentFileName);

    /// <summary>The current snapshot (read from <c>current.json</c> on every call), or null when none is published.</summary>
    public SnapshotInfo? Current => File.Exists(CurrentPath) ? SnapshotRecord.Read(CurrentPath).ToInfo(Folder) : null;

    /// <summary>A crash injected after a stage of <see cref="Publish"/> (tests only).</summary>
    internal Action<PublishStage>? AfterStage { get; set; }

    /// <summary>
    /// Builds a new snapshot with <paramref name="build"/> on a connection to a new, empty database file, and publishes
    /// it as the current snapshot. If <paramref name="build"/> throws or <paramref name="cancellationToken"/> is
    /// cancelled, nothing is published: the previous snapshot stays current and the new file is deleted.
    /// </summary>
    /// <param name="build">Fills the database; returns the batches it read and the rows it wrote.</param>
    /// <param name="progress">Receives a line per step.</param>
    /// <param name="cancellationToken">Stops the publish (the builder should observe it too).</param>
    /// <returns>The snapshot now current.</returns>
    public SnapshotInfo Publish(Func<DuckDbConnection, BuildResult> build, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(build);
        Directory.CreateDirectory(Folder);
        using var gate = PublishLock.Acquire(Folder);
        SnapshotLeftovers.Remove(Folder, ExportsRoot);

        var builtAt = _time.GetUtcNow();
        var id = SnapshotNames.NewId();
        var name = SnapshotNames.Create(builtAt, id);
        var files = new PublishFiles(Folder, ExportsRoot, id, name);
        var published = false;
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report($"Building {name} in {files.Building}");
            var (result, exports) = BuildAndClose(build, files, name, builtAt, progress, cancellationToken);

            cancellationToken.ThrowIfCancellationRequested();
            if (exports.Count > 0)
            {
                Directory.Move(files.BuildingExports, files.Exports);
            }

            // The seal readers check before they switch to the file (size and header) and in the background (the hash).
            progress?.Report("Recording the snapshot's size and SHA-256");
            var seal = SnapshotSeal.Compute(files.Building, cancellationToken);
            File.Move(files.Building, files.Snapshot);
            var record = new SnapshotRecord(
                Path.GetFileName(files.Snapshot), builtAt, _time.GetUtcNow(), result.BatchIds, result.TableRows,
                exports.Count > 0 ? Path.GetRelativePath(Folder, files.Exports) : null, exports, DuckDbEngine.Version, seal.Size, seal.Sha256);
            AtomicFile.WriteAllText(files.Sidecar, record.ToJson());
            AfterStage?.Invoke(PublishStage.Renamed);

            // The last moment a cancellation still leaves the previous snapshot current; the rename below publishes.
            cancellationToken.ThrowIfCancellationRequested();
            AtomicFile.WriteAllText(CurrentPath, record.ToJson());
            published = true;
            progress?.Report($"Published {name} as current");
            PruneHoldingLock(progress);
            return record.ToInfo(Folder) with { DataTests = result.DataTests, Feeds = result.Feeds, Tables = result.Tables };
        }
        finally
        {
            if (!published)
            {
                files.DeleteAll();
            }
        }
    }

    /// <summary>Opens the current snapshot read-only, as every trusted reader does (<see cref="SnapshotConnections"/>); the caller disposes the connection.</summary>
    /// <exception cref="SnapshotNotFoundException">No snapshot is published in <see cref="Folder"/>.</exception>
    public DuckDbConnection OpenReadOnly()
    {
        for (var attempt = 0; ; attempt++)
        {
            var current = SnapshotResolver.Resolve(Folder);
            try
            {
                return SnapshotConnections.OpenReadOnly(current);
            }
            catch (DuckDbException) when (attempt == 0 && !File.Exists(current))
            {
                // Pruned between reading current.json and opening: a newer snapshot is current now.
            }
        }
    }

    /// <summary>Published snapshots in the folder, newest first (from their file names and records).</summary>
    public IReadOnlyList<SnapshotInfo> Published()
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        var list = new List<SnapshotInfo>();
        foreach (var file in Directory.EnumerateFiles(Folder, "warehouse-*" + SnapshotNames.Extension))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (!SnapshotNames.TryParse(name, out var builtAt))
            {
                continue;
            }

            var sidecar = Path.Combine(Folder, name + ".json");
            list.Add(File.Exists(sidecar)
                ? SnapshotRecord.Read(sidecar).ToInfo(Folder)
                : new SnapshotInfo(name, file, builtAt, builtAt, [], new Dictionary<string, long>(), null, [], ""));
        }

        return list.OrderByDescending(s => s.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>Deletes the snapshots beyond <see cref="SnapshotStoreOptions.Keep"/> (see the remarks); returns their names.</summary>
    public IReadOnlyList<string> Prune(IProgress<string>? progress = null)
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        using var gate = PublishLock.Acquire(Folder);
        return PruneHoldingLock(progress);
    }

    private (BuildResult Result, IReadOnlyList<string> Exports) BuildAndClose(
        Func<DuckDbConnection, BuildResult> build, PublishFiles files, string name, DateTimeOffset builtAt, IProgress<string>? progress, CancellationToken token)
    {
        BuildResult result;
        IReadOnlyList<string> exports = [];
        var settings = new DuckDbConnectionStringBuilder { DataSource = files.Building, MemoryLimit = Options.MemoryLimit, Threads = Options.Threads };
        using (var connection = new DuckDbConnection(settings.ConnectionString))
        {
            connection.Open();
            result = build(connection) ?? throw new InvalidOperationException("The warehouse builder returned no BuildResult; it must return the batches it read and the rows it wrote.");
            token.ThrowIfCancellationRequested();
            SnapshotLineage.Write(connection, name, builtAt, result.BatchIds);
            AfterStage?.Invoke(PublishStage.Built);
            if (Options.ExportMarts)
            {
                progress?.Report($"Exporting marts as Parquet to {files.BuildingExports}");
                exports = MartExport.Export(connection, files.BuildingExports, token);
            }

            AfterStage?.Invoke(PublishStage.Exported);
            using var checkpoint = connection.CreateCommand("CHECKPOINT");
            checkpoint.ExecuteNonQuery();
        }

        token.ThrowIfCancellationRequested();
        progress?.Report("Rewriting mart_indicator in series order");
        MartLayout.Apply(files.Building, Options.MemoryLimit, token);
        if (File.Exists(files.Building + ".wal"))
        {
            throw new IOException($"'{files.Building}' still has a write-ahead log after CHECKPOINT and close; another connection in this process may still hold it open. Nothing was published.");
        }

        if (exports.Count == 0 && Directory.Exists(files.BuildingExports))
        {
            Directory.Delete(files.BuildingExports, recursive: true);
        }

        AfterStage?.Invoke(PublishStage.Closed);
        return (result, exports);
    }

    private List<string> PruneHoldingLock(IProgress<string>? progress)
    {
        var current = Current?.Name;
        var published = Published();
        var doomed = SnapshotPruning.ToDelete(
            published.Select(s => (s.Name, s.PublishedAt)), current, Options.Keep, Options.MinimumAge, _time.GetUtcNow());
        var deleted = new List<string>();
        foreach (var name in doomed)
        {
            try
            {
                new PublishFiles(Folder, ExportsRoot, "", name).DeletePublished();
                deleted.Add(name);
                progress?.Report($"Pruned {name}");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // On Windows a file a reader holds open cannot be deleted; the next build tries again.
                progress?.Report($"Kept {name} for now: {ex.Message}");
            }
        }

        return deleted;
    }
}
