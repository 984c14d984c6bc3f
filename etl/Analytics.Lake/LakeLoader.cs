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
/// point leaves the lake as it was; loading the same files again changes nothing.
/// </summary>
public sealed class LakeLoader(LakeLayout layout, FeedFileReader reader, LakeLoadOptions? options = null)
{
    private readonly LakeLoadOptions _options = options ?? new LakeLoadOptions();

    /// <summary>Loads the files not yet in the lake. Throws <see cref="LoadRefusedException"/> for unreadable input.</summary>
    public BatchManifest Load(IReadOnlyList<LoadInput> inputs, IProgress<LoadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var started = DateTimeOffset.UtcNow;
        var loaded = LoadedSha256s();
        var fresh = inputs.Where(i => !loaded.Contains(i.Sha256)).DistinctBy(i => i.Sha256).OrderBy(i => i.Sha256, StringComparer.Ordinal).ToList();
        var batchId = BatchIdOf(fresh);
        if (fresh.Count == 0)
        {
            return Record(new BatchManifest { BatchId = batchId, Status = "nothing_new", StartedAt = started, FinishedAt = DateTimeOffset.UtcNow });
        }

        Directory.CreateDirectory(layout.StagingRoot);
        var staging = Path.Combine(layout.StagingRoot, $"{batchId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            var files = new List<FileManifest>();
            using (var db = new StagingDatabase(Path.Combine(staging, "spill"), _options.MemoryLimit, _options.Threads))
            {
                for (var i = 0; i < fresh.Count; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    progress?.Report(new LoadProgress(fresh[i].OriginalName, i, fresh.Count));
                    files.Add(LoadFile(db, fresh[i], cancellationToken));
                }

                db.CloseAppenders();
                db.DeleteWithdrawn();
                CheckStagedCounts(db, files);
                Export(db, staging);
            }

            TryDelete(Path.Combine(staging, "spill"));
            var manifest = new BatchManifest
            {
                BatchId = batchId, Status = "published", StartedAt = started, FinishedAt = DateTimeOffset.UtcNow, Files = files,
            };
            manifest.Write(Path.Combine(staging, "manifest.json"));
            Publish(staging, layout.BatchFolder(batchId));
            return Record(manifest);
        }
        catch (Exception ex)
        {
            TryDelete(staging);
            var status = ex is LoadRefusedException ? "refused" : ex is OperationCanceledException ? "cancelled" : "failed";
            Record(new BatchManifest { BatchId = batchId, Status = status, StartedAt = started, FinishedAt = DateTimeOffset.UtcNow, Error = ex.Message });
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

    private FileManifest LoadFile(StagingDatabase db, LoadInput input, CancellationToken cancellationToken)
    {
        var sink = new LakeSink(db, input);
        FeedLoadResult result;
        try
        {
            result = reader(input, sink, cancellationToken);
        }
        catch (ExtractRefusedException ex)
        {
            throw new LoadRefusedException($"{Delivered(input)} was refused: {ex.Reason}", ex);
        }

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
            var staged = db.Count(StagingDatabase.TableOf(feed));
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

    private static void Export(StagingDatabase db, string staging)
    {
        foreach (var feed in db.StagedFeeds)
        {
            var contract = FeedContracts.For(feed);
            var target = Path.Combine(staging, "feed=" + feed.ToName()).Replace("'", "''", StringComparison.Ordinal);
            // A feed whose contract has a year column (rd_spend) is partitioned by it; the others get one derived.
            var year = contract.IndexOf("year") >= 0 ? "" : $", {LakeSchema.PartitionYear(feed)} AS year";
            db.Execute(
                $"COPY (SELECT {StagingDatabase.ExportColumns(contract)}{year} FROM {StagingDatabase.TableOf(feed)}) " +
                $"TO '{target}' (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (year))");
        }

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
            // Another load of exactly these files published first: the lake already holds them.
            TryDelete(staging);
            return;
        }

        Directory.Move(staging, target);
    }

    private BatchManifest Record(BatchManifest manifest)
    {
        Directory.CreateDirectory(layout.LoadsRoot);
        manifest.Write(Path.Combine(layout.LoadsRoot, $"{manifest.StartedAt:yyyyMMddTHHmmssfff}-{manifest.BatchId}-{manifest.Status}.json"));
        return manifest;
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
