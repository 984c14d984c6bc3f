using System.Buffers;
using System.Security.Cryptography;
using Analytics.Etl.Reading;

namespace Analytics.Etl.Sources;

/// <summary>
/// Pulls a folder source: for each matched file, hash it first, and copy it into the landing area only when that
/// content is not landed yet for the feed. The copy is hashed again, which catches a file still being written.
/// </summary>
internal sealed class FolderPuller(LandingSession session, IProgress<PullProgress>? progress, TimeProvider time)
{
    private const int BufferSize = 1 << 20;

    public async Task<SourcePullResult> PullAsync(SourceDefinition source, CancellationToken cancellationToken)
    {
        var folder = source.Folder!;
        if (!Directory.Exists(folder))
        {
            var what = File.Exists(folder) ? "is a file, not a folder" : "does not exist";
            return new SourcePullResult(source, [],
                Error: $"Source '{source.Name}': the folder {folder} {what} ({source.ConfigFile}, {source.JsonPath}.folder). "
                    + "Create it or copy the extracts there, or correct 'folder' (or the variable it uses).");
        }

        var include = source.Include.Select(GlobPattern.Parse).ToList();
        var exclude = source.Exclude.Select(GlobPattern.Parse).ToList();
        var files = FolderScanner.Find(folder, include, exclude, session.Area.Root);
        if (files.Count == 0)
        {
            return new SourcePullResult(source, [],
                Warning: $"Source '{source.Name}': no file under {folder} matches {string.Join(", ", source.Include)}. "
                    + $"Check 'include' in {source.ConfigFile} ({source.JsonPath}.include), or whether the export has run.");
        }

        var results = new List<FilePullResult>(files.Count);
        foreach (var (full, _) in files)
        {
            results.Add(await PullFileAsync(source, full, cancellationToken).ConfigureAwait(false));
        }

        return new SourcePullResult(source, results);
    }

    private async Task<FilePullResult> PullFileAsync(SourceDefinition source, string path, CancellationToken cancellationToken)
    {
        var result = new FilePullResult { Source = source.Name, Feed = source.Feed, Origin = path, Outcome = PullOutcome.Failed };
        try
        {
            var (sha256, length) = await HashAsync(source, path, cancellationToken).ConfigureAwait(false);
            if (ExpectationCheck.Mismatch(source, sha256, length, path) is { } refused)
            {
                return Finished(result with { Reason = refused });
            }

            if (session.FindLanded(source.Feed, sha256) is { } existing)
            {
                return Finished(result with { Outcome = PullOutcome.Unchanged, Entry = existing, Reason = $"already landed as {existing.Path}" });
            }

            await using var temp = LandingTempFile.Create(session.Area.TempFolder);
            await CopyAsync(source, path, temp, length, cancellationToken).ConfigureAwait(false);
            await temp.CompleteAsync().ConfigureAwait(false);
            if (temp.Sha256 != sha256)
            {
                return Finished(result with
                {
                    Reason = $"{path} changed while it was being pulled (sha256 {sha256} before the copy, {temp.Sha256} after). "
                        + "Pull again once whatever writes it has finished.",
                });
            }

            var draft = new LandingIndexEntry
            {
                Source = source.Name,
                Feed = source.Feed,
                Origin = path,
                OriginalName = Path.GetFileName(path),
                Sha256 = sha256,
                Length = temp.Length,
                FetchedAt = time.GetUtcNow(),
                Path = "",
                Encoding = source.Encoding,
                AsOf = source.AsOf,
                Sheets = source.Sheets == SheetSelection.All ? null : source.Sheets,
            };
            var (entry, landed) = session.Land(temp, draft);
            return Finished(landed
                ? result with { Outcome = PullOutcome.New, Entry = entry, BytesLanded = entry.Length }
                : result with { Outcome = PullOutcome.Unchanged, Entry = entry, Reason = $"already landed as {entry.Path}" });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Finished(result with
            {
                Reason = $"{path} could not be copied into {session.Area.Root}: {e.Message} "
                    + "Check read permission on the file, free space and write permission in the landing area.",
            });
        }
    }

    private async Task<(string Sha256, long Length)> HashAsync(SourceDefinition source, string path, CancellationToken cancellationToken)
    {
        await using var input = OpenShared(path);
        var reporter = new ProgressReporter(progress, source.Name, path, PullStage.Hashing, input.Length);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            long done = 0;
            reporter.Report(0, force: true);
            int read;
            while ((read = await input.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken).ConfigureAwait(false)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                done += read;
                reporter.Report(done);
            }

            reporter.Report(done, force: true);
            return (Convert.ToHexStringLower(hash.GetHashAndReset()), done);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task CopyAsync(SourceDefinition source, string path, LandingTempFile temp, long length, CancellationToken cancellationToken)
    {
        await using var input = OpenShared(path);
        var reporter = new ProgressReporter(progress, source.Name, path, PullStage.Copying, length);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            reporter.Report(0, force: true);
            int read;
            while ((read = await input.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken).ConfigureAwait(false)) > 0)
            {
                await temp.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                reporter.Report(temp.Length);
            }

            reporter.Report(temp.Length, force: true);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // Share read-write so that a file another program still holds open can be read; the second hash catches changes.
    private static FileStream OpenShared(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan);

    private FilePullResult Finished(FilePullResult result)
    {
        progress?.Report(new PullProgress(result.Source, result.Origin, PullStage.Finished, result.BytesLanded, result.Entry?.Length));
        return result;
    }
}
