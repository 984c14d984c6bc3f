using System.Security.Cryptography;
using System.Text;
using Analytics.Etl.Contracts;
using Analytics.Etl.Reading;
using Analytics.Etl.Sources;

namespace Analytics.Lake;

/// <summary>
/// Loads landed files into the lake as one batch: files already in a published batch are skipped (same content, same
/// sha256), the rest are read through the ETL's reader into a staging database, every file's rows are accounted for,
/// and the batch is written as Parquet under a staging folder that becomes visible with one rename. A crash at any
/// point leaves the lake as it was; loading the same files again changes nothing. Files read whole (workbooks, small
/// files) are read several at a time (<see cref="LakeLoadOptions.Parallelism"/>), with the same outcome as one after another.
/// </summary>
/// <remarks>
/// One load at a time per lake (<see cref="LakeLoadLock"/>): the files of a batch are chosen while holding the lock,
/// against every batch published before, so no file is ever in two batches, however loads and pulls overlap. Under
/// the lock the load also tidies what dead loads left — it marks their still-running records killed and removes the
/// staging folders (only a load holding the lock writes there, so none of them is live) — and writes its own record,
/// running, then completed with how it ended (<see cref="LoadRecords"/>).
/// </remarks>
public sealed class LakeLoader(LakeLayout layout, FeedFileReader reader, LakeLoadOptions? options = null)
{
    private readonly LakeLoadOptions _options = options ?? new LakeLoadOptions();

    /// <summary>Loads the files not yet in the lake. Throws <see cref="LoadRefusedException"/> for unreadable input.</summary>
    /// <exception cref="LakeBusyException">Another load held the lake past <see cref="LakeLoadOptions.LockWait"/>; nothing was done.</exception>
    public BatchManifest Load(IReadOnlyList<LoadInput> inputs, IProgress<LoadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var holder = LoadHolder.ThisProcess();
        using var gate = LakeLoadLock.Acquire(layout, _options.LockWait, holder, cancellationToken);
        var killed = LoadRecords.MarkDeadAttemptsKilled(layout, holder);
        var removed = RemoveDeadStaging();

        // Decided under the lock: what earlier batches hold is final until this load releases it.
        var loaded = LoadedSha256s();
        var fresh = inputs.Where(i => !loaded.Contains(i.Sha256)).DistinctBy(i => i.Sha256).OrderBy(i => i.Sha256, StringComparer.Ordinal).ToList();
        var batchId = BatchIdOf(fresh);
        var record = LoadRecords.Write(layout, new BatchManifest
        {
            BatchId = batchId, Status = LoadStatus.Running, StartedAt = holder.StartedAt, Attempt = holder.Attempt, Pid = holder.Pid, Host = holder.Host,
            KilledAttempts = killed.Count > 0 ? killed : null, StagingRemoved = removed.Count > 0 ? removed : null,
        });
        if (fresh.Count == 0)
        {
            return LoadRecords.Write(layout, record with { Status = LoadStatus.NothingNew, FinishedAt = DateTimeOffset.UtcNow });
        }

        var staging = Path.Combine(layout.StagingRoot, $"{batchId}-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(staging);
            List<FileManifest> files;
            using (var db = new StagingDatabase(Path.Combine(staging, "spill"), Path.Combine(staging, "parts"), _options.MemoryLimit, _options.Threads, _options.StagedPartRows))
            {
                // Files read whole go several at a time, each staged through a connection of its own (FileSchedule).
                var parallelism = Math.Max(1, _options.Parallelism);
                var whole = fresh.Select(f => FeedLoader.ReadsWhole(f.Path, new FeedReadOptions { Parallelism = parallelism })).ToArray();
                var sizes = fresh.Select(f => new FileInfo(f.Path) is { Exists: true } file ? file.Length : 0).ToArray();
                var begun = 0;
                files = FileSchedule.Run(
                    fresh.Count, i => whole[i], i => sizes[i], parallelism,
                    i => progress?.Report(new LoadProgress(fresh[i].OriginalName, begun++, fresh.Count)),
                    i => LoadFile(db, fresh[i], ownConnection: parallelism > 1 && whole[i], cancellationToken),
                    cancellationToken);

                // The last phase, reported part by part (the benchmark times each).
                void Writing(string phase) => progress?.Report(new LoadProgress("", fresh.Count, fresh.Count) { WritingParquet = true, Phase = phase });
                Writing("writing the last staged parts");
                db.CloseStaging();
                Writing("recording withdrawn duplicates");
                db.RecordWithdrawn();
                Writing("checking the staged counts");
                CheckStagedCounts(db, files);
                Export(db, staging, Writing);
                Writing("removing the staging database");
            }

            TryDelete(Path.Combine(staging, "spill"));
            // The staged parts must not be published with the batch: a failure to remove them fails the load.
            if (Directory.Exists(Path.Combine(staging, "parts")))
            {
                Directory.Delete(Path.Combine(staging, "parts"), recursive: true);
            }
            progress?.Report(new LoadProgress("", fresh.Count, fresh.Count) { WritingParquet = true, Phase = "publishing" });
            var manifest = new BatchManifest
            {
                BatchId = batchId, Status = LoadStatus.Published, StartedAt = holder.StartedAt, FinishedAt = DateTimeOffset.UtcNow, Files = files,
            };
            manifest.Write(Path.Combine(staging, "manifest.json"));
            Publish(staging, layout.BatchFolder(batchId));
            return LoadRecords.Write(layout, record with { Status = LoadStatus.Published, FinishedAt = manifest.FinishedAt, Files = files });
        }
        catch (Exception ex)
        {
            TryDelete(staging);
            var status = ex is LoadRefusedException ? LoadStatus.Refused : ex is OperationCanceledException ? LoadStatus.Cancelled : LoadStatus.Failed;
            TryRecord(record with { Status = status, FinishedAt = DateTimeOffset.UtcNow, Error = ex.Message });
            throw;
        }
    }

    /// <summary>The sha256 of every file in a published batch.</summary>
    public HashSet<string> LoadedSha256s()
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var batch in layout.PublishedBatches())
        {
            var path = Path.Combine(batch, "manifest.json");
            if (File.Exists(path))
            {
                foreach (var file in BatchManifest.Read(path).Files)
                {
                    set.Add(file.Sha256);
                }
            }
        }

        return set;
    }

    /// <summary>A batch id from the files' hashes: the same files give the same id.</summary>
    public static string BatchIdOf(IEnumerable<LoadInput> inputs)
    {
        var joined = string.Join("\n", inputs.Select(i => i.Sha256.ToLowerInvariant()).Order(StringComparer.Ordinal));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(joined)))[..16];
    }

    private FileManifest LoadFile(StagingDatabase db, LoadInput input, bool ownConnection, CancellationToken cancellationToken)
    {
        var sink = new LakeSink(db, input, ownConnection);
        FeedLoadResult result;
        try
        {
            result = reader(input, sink, cancellationToken);
        }
        catch (ExtractRefusedException ex)
        {
            throw new LoadRefusedException($"{Delivered(input)} was refused: {ex.Reason}", ex);
        }

        sink.Finish();

        // Row conservation, twice: the reader's own counts balance, and the sink received exactly what the reader counted.
        if (!result.IsBalanced || result.RowsAccepted != sink.Accepted || result.RowsQuarantined != sink.Quarantined)
        {
            throw new RowConservationException(
                $"{input.OriginalName}: rows do not add up — read {result.RowsRead}, accepted {result.RowsAccepted} (lake got {sink.Accepted}), " +
                $"quarantined {result.RowsQuarantined} (quarantine got {sink.Quarantined}), skipped blank {result.RowsSkippedBlank}. Nothing was published.");
        }

        return new FileManifest
        {
            File = input.OriginalName,
            Feed = input.Feed.ToName(),
            Sha256 = input.Sha256,
            Encoding = result.Encoding,
            RowsRead = result.RowsRead,
            RowsLoaded = result.RowsAccepted,
            RowsQuarantined = result.RowsQuarantined,
            RowsSkippedBlank = result.RowsSkippedBlank,
            EmptyDelivery = result.IsEmptyDelivery,
            QuarantinedByRule = new SortedDictionary<string, long>(result.QuarantinedByRule, StringComparer.Ordinal),
            NotesByKind = new SortedDictionary<string, long>(result.NotesByKind, StringComparer.Ordinal),
            Warnings = result.Warnings.ToList(),
        };
    }

    /// <summary>The file as the supplier knows it (name, source, origin), then where it sits in the landing area.</summary>
    private static string Delivered(LoadInput input)
    {
        var from = input.Source is { } source ? $", source '{source}'" : "";
        var origin = input.Origin is { } o ? $", from {o}" : "";
        return $"'{input.OriginalName}' ({input.Feed.ToName()}{from}{origin}; landed as {input.Path})";
    }

    private static void CheckStagedCounts(StagingDatabase db, List<FileManifest> files)
    {
        foreach (var feed in db.StagedFeeds)
        {
            var expected = files.Where(f => f.Feed == feed.ToName()).Sum(f => f.RowsLoaded);
            var staged = db.Count(db.StagedRows(feed) + " AS staged");
            if (staged != expected)
            {
                throw new RowConservationException($"The {feed.ToName()} staging table holds {staged} rows but the files loaded {expected}. Nothing was published.");
            }
        }

        var quarantined = files.Sum(f => f.RowsQuarantined);
        var inQuarantine = quarantined == 0 ? 0 : db.Count("quarantine");
        if (inQuarantine != quarantined)
        {
            throw new RowConservationException($"The quarantine holds {inQuarantine} rows but the files quarantined {quarantined}. Nothing was published.");
        }
    }

    private static void Export(StagingDatabase db, string staging, Action<string> phase)
    {
        foreach (var feed in db.StagedFeeds)
        {
            phase($"writing {feed.ToName()} as Parquet");
            var contract = FeedContracts.For(feed);
            var target = Path.Combine(staging, "feed=" + feed.ToName()).Replace("'", "''", StringComparison.Ordinal);
            // A feed whose contract has a year column (rd_spend) is partitioned by it; the others get one derived.
            var year = contract.IndexOf("year") >= 0 ? "" : $", {LakeSchema.PartitionYear(feed)} AS year";
            db.Execute(
                $"COPY (SELECT {StagingDatabase.ExportColumns(contract)}{year} FROM {db.StagedRows(feed)} AS staged) " +
                $"TO '{target}' (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (year))");
        }

        phase("writing the quarantine as Parquet");
        if (db.Count("quarantine") > 0)
        {
            // The folder by its real path; only the SQL literal is escaped (else a quote in the lake's path doubles).
            var target = Path.Combine(staging, "quarantine");
            Directory.CreateDirectory(target);
            db.Execute($"COPY quarantine TO '{Path.Combine(target, "data_0.parquet").Replace("'", "''", StringComparison.Ordinal)}' (FORMAT parquet, COMPRESSION zstd)");
        }
    }

    private static void Publish(string staging, string target)
    {
        if (Directory.Exists(target))
        {
            // Cannot happen under the lock (the files were chosen against the published batches); kept as a guard.
            TryDelete(staging);
            return;
        }

        Directory.Move(staging, target);
    }

    /// <summary>Completes the attempt's record; on a full disk it may not be writable, and the original error matters more.</summary>
    private void TryRecord(BatchManifest record)
    {
        try
        {
            LoadRecords.Write(layout, record);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left "running": the next load marks it killed, and the error reached the caller.
        }
    }

    /// <summary>Removes every staging folder: called holding the lock, so each was left by a load that died.</summary>
    private List<string> RemoveDeadStaging()
    {
        var removed = new List<string>();
        if (!Directory.Exists(layout.StagingRoot))
        {
            return removed;
        }

        foreach (var entry in Directory.EnumerateFileSystemEntries(layout.StagingRoot).Order(StringComparer.Ordinal))
        {
            if (Directory.Exists(entry))
            {
                Directory.Delete(entry, recursive: true);
            }
            else
            {
                File.Delete(entry);
            }

            removed.Add(Path.GetFileName(entry));
        }

        return removed;
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // Left in _staging, which readers never look at.
        }
    }
}
