using System.Runtime.ExceptionServices;
using Analytics.Etl.Contracts;
using Analytics.Etl.Validation;

namespace Analytics.Etl.Reading;

/// <summary>The parallel read of one CSV or JSON Lines file (<see cref="FeedReadOptions.Parallelism"/>).</summary>
/// <remarks>
/// The file is split at proven record boundaries (<see cref="TextChunks"/>), each chunk knowing the line number of its
/// first row. Threads take chunks in file order; each reads, validates and hands its chunks' rows to its own sink, and
/// keeps a duplicate log and counts per chunk. At the end the logs are joined in chunk order — exactly the log a
/// sequential read keeps — and settled as one, so the same rows are withdrawn with the same messages. The counts are
/// sums, and warnings are those a sequential read gives (the header's from the first chunk, an unknown JSON key's from
/// the first chunk that met it). If chunks fail, the first failing chunk's error is the file's, as it would have been
/// the first met by a sequential read: chunks before it still run to the end, chunks after it stop.
/// </remarks>
public static partial class FeedLoader
{
    private sealed record ChunkPlan(SourceFormat Format, List<TextChunk> Chunks, CsvLayout? Layout);

    private sealed class ChunkRun(int thread, long threadAcceptedBefore)
    {
        public int Thread { get; } = thread;

        public long ThreadAcceptedBefore { get; } = threadAcceptedBefore;

        public FeedLoadResult? Result { get; set; }

        public DuplicateIndex? Index { get; set; }

        public List<string> Warnings { get; set; } = [];

        public List<string>? UnknownKeys { get; set; }

        public Exception? Error { get; set; }
    }

    /// <summary>
    /// Whether <see cref="Read"/> reads the file on one thread whatever sink it is given, as far as its format and size
    /// tell: a workbook (a sheet cannot be split cheaply), a file too small for two chunks (or missing), or a read of one thread. A
    /// file this says false for is usually split, but may still be read on one thread (no proven split point). The
    /// lake's loader reads such files several at a time, one per thread.
    /// </summary>
    public static bool ReadsWhole(string path, FeedReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        return options.Parallelism < 2 || FormatOf(path) == SourceFormat.Xlsx || ChunkCount(path, options) < 2;
    }

    // A missing file counts as empty: read whole, where the read refuses it.
    private static int ChunkCount(string path, FeedReadOptions options) =>
        (int)Math.Min((long)options.Parallelism * Math.Max(1, options.ChunksPerThread), (new FileInfo(path) is { Exists: true } file ? file.Length : 0) / Math.Max(1, options.MinChunkBytes));

    // Null when the file is read sequentially: read whole (ReadsWhole), or no proven split point.
    private static ChunkPlan? PlanChunks(FeedKind kind, string path, FeedReadOptions options)
    {
        if (ReadsWhole(path, options))
        {
            return null;
        }

        var format = FormatOf(path);
        var length = new FileInfo(path).Length;
        var count = ChunkCount(path, options);

        if (format == SourceFormat.JsonLines)
        {
            // The file's own checks (empty, binary, encoding, BOM) are the first chunk's, as in a sequential read.
            var lines = TextChunks.SplitLines(path, length, TextChunks.Targets(0, length, count));
            return lines.Count < 2 ? null : new ChunkPlan(format, lines, null);
        }

        // The header decides the encoding, delimiter and columns (and refuses the file as a sequential read would).
        CsvLayout layout;
        long firstDataLine;
        using (var probe = new CsvSourceReader(path, FeedContracts.For(kind), options))
        {
            probe.NextSection();
            layout = new CsvLayout(probe.Choice, probe.Delimiter, probe.Map);
            firstDataLine = probe.NextLineNumber;
        }

        if (layout.Delimiter == '|' && !layout.Choice.Name.StartsWith("UTF-8", StringComparison.Ordinal))
        {
            return null; // 0x7C can be the second byte of a GBK character: the byte scan cannot tell fields apart.
        }

        var bom = layout.Choice.BomLength;
        var chunks = TextChunks.SplitCsv(path, bom, length, layout.Delimiter, TextChunks.Targets(bom, length, count));

        // The header (and blank lines above it) belongs to the first chunk, which reads it as a sequential read does.
        while (chunks.Count > 1 && chunks[1].FirstLine < firstDataLine)
        {
            chunks[0] = chunks[0] with { End = chunks[1].End };
            chunks.RemoveAt(1);
        }

        return chunks.Count < 2 ? null : new ChunkPlan(format, chunks, layout);
    }

    private static FeedLoadResult ReadChunks(FeedKind kind, string path, IParallelFeedSink parallel, FeedReadOptions options, ChunkPlan plan)
    {
        var contract = FeedContracts.For(kind);
        var fallbackAsOf = FallbackAsOf(kind, path, options);
        var chunks = plan.Chunks;
        var threads = Math.Min(options.Parallelism, chunks.Count);
        var sinks = new IFeedSink[threads];
        for (var t = 0; t < threads; t++)
        {
            sinks[t] = parallel.ForThread(t);
        }

        var runs = new ChunkRun?[chunks.Count];
        var next = -1;
        var failed = int.MaxValue;

        void Work(int thread)
        {
            long accepted = 0;
            while (true)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= chunks.Count)
                {
                    return;
                }

                if (i > Volatile.Read(ref failed))
                {
                    continue;
                }

                var run = runs[i] = new ChunkRun(thread, accepted);
                try
                {
                    ReadChunk(i, run);
                    accepted += run.Result!.RowsAccepted;
                }
                catch (OperationCanceledException) when (i > Volatile.Read(ref failed))
                {
                    // An earlier chunk failed: the file is refused with its error.
                }
                catch (Exception ex)
                {
                    run.Error = ex;
                    int seen;
                    while (i < (seen = Volatile.Read(ref failed)) && Interlocked.CompareExchange(ref failed, i, seen) != seen)
                    {
                    }
                }
            }
        }

        void ReadChunk(int i, ChunkRun run)
        {
            using SourceReader reader = plan.Format == SourceFormat.Csv
                ? new CsvSourceReader(path, contract, options, chunks[i], i == 0 ? null : plan.Layout)
                : new JsonLinesSourceReader(path, contract, options, chunks[i]);
            using var rows = new RowStream(reader, options.ChunkReadAhead);
            var validator = CreateValidator(kind, new ValidationContext(options, path, fallbackAsOf));
            var record = new FeedRecord(contract) { SourceFile = path };
            run.Result = new FeedLoadResult { Kind = kind, SourceFile = path, Encoding = reader.EncodingName, AsOf = fallbackAsOf };
            run.Index = options.DetectDuplicates ? new DuplicateIndex() : null;
            while (rows.NextSection())
            {
                validator.OnSection(reader.Map);
                ReadSection(reader, rows, validator, record, sinks[run.Thread], run.Result, run.Index, () => i > Volatile.Read(ref failed));
            }

            run.Warnings = reader.Warnings;
            run.UnknownKeys = (reader as JsonLinesSourceReader)?.UnknownKeyOrder;
        }

        var helpers = new Task[threads - 1];
        for (var t = 1; t < threads; t++)
        {
            var thread = t;
            helpers[t - 1] = Task.Factory.StartNew(() => Work(thread), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        try
        {
            Work(0);
        }
        finally
        {
            Task.WaitAll(helpers);
        }

        if (runs.FirstOrDefault(r => r?.Error is not null) is { Error: { } error })
        {
            ExceptionDispatchInfo.Capture(error).Throw();
        }

        var result = new FeedLoadResult { Kind = kind, SourceFile = path, Encoding = runs[0]!.Result!.Encoding, AsOf = fallbackAsOf };
        var warnedKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var run in runs)
        {
            var part = run!.Result!;
            result.RowsRead += part.RowsRead;
            result.RowsSkippedBlank += part.RowsSkippedBlank;
            result.RowsAccepted += part.RowsAccepted;
            result.RowsQuarantined += part.RowsQuarantined;
            foreach (var (rule, n) in part.QuarantinedByRule)
            {
                result.QuarantinedByRule[rule] = result.QuarantinedByRule.GetValueOrDefault(rule) + n;
            }

            foreach (var (note, n) in part.NotesByKind)
            {
                result.NotesByKind[note] = result.NotesByKind.GetValueOrDefault(note) + n;
            }

            for (var w = 0; w < run.Warnings.Count; w++)
            {
                if (run.UnknownKeys is null || warnedKeys.Add(run.UnknownKeys[w]))
                {
                    result.Warnings.Add(run.Warnings[w]);
                }
            }
        }

        if (result.IsEmptyDelivery)
        {
            result.Warnings.Add("empty delivery: the file has a header but no data rows; nothing was loaded from it.");
            return result;
        }

        if (options.DetectDuplicates)
        {
            var log = new DuplicateIndex();
            foreach (var run in runs)
            {
                log.Append(run!.Index!);
            }

            if (log.Settle() is { Count: > 0 } repeats)
            {
                SettleDuplicates(kind, path, options, repeats, new ChunkRouter(runs!, sinks), result);
            }
        }

        return result;
    }

    /// <summary>Sends a withdrawal, by its index among the file's accepted rows, to the thread's sink that accepted the row.</summary>
    private sealed class ChunkRouter : IFeedSink
    {
        private readonly ChunkRun[] runs;
        private readonly IFeedSink[] sinks;
        private readonly long[] firstAccepted;

        public ChunkRouter(ChunkRun[] runs, IFeedSink[] sinks)
        {
            this.runs = runs;
            this.sinks = sinks;
            firstAccepted = new long[runs.Length];
            long total = 0;
            for (var i = 0; i < runs.Length; i++)
            {
                firstAccepted[i] = total;
                total += runs[i].Result!.RowsAccepted;
            }
        }

        public void Accept(FeedRecord record) => throw new InvalidOperationException("A parallel read accepts rows through its threads' sinks.");

        public void Quarantine(Rejection rejection) => throw new InvalidOperationException("A parallel read quarantines rows through its threads' sinks.");

        public void Withdraw(long acceptedIndex, Rejection rejection)
        {
            // The last chunk whose first accepted row is at or before the index (chunks that accepted nothing share a start).
            var found = Array.BinarySearch(firstAccepted, acceptedIndex);
            var chunk = found >= 0 ? found : ~found - 1;
            while (chunk + 1 < firstAccepted.Length && firstAccepted[chunk + 1] == acceptedIndex)
            {
                chunk++;
            }

            var run = runs[chunk];
            sinks[run.Thread].Withdraw(run.ThreadAcceptedBefore + (acceptedIndex - firstAccepted[chunk]), rejection);
        }
    }
}
