using System.Collections.Concurrent;

namespace Analytics.Etl.Reading;

/// <summary>
/// The rows of a <see cref="SourceReader"/>, either read on the calling thread or, for single-section sources (CSV,
/// JSON Lines), read ahead on a background thread in batches so that decoding and splitting run on one core while the
/// caller validates on the other. Rows are always consumed on the calling thread, in source order; an error in the
/// reading thread (a refusal) is rethrown there.
/// </summary>
internal sealed class RowStream : IDisposable
{
    private const int BatchSize = 512;
    private const int Depth = 4;
    private readonly SourceReader reader;
    private readonly bool pipelined;
    private readonly SourceRow single = new();
    private readonly CancellationTokenSource cancel = new();
    private BlockingCollection<Batch>? full;
    private BlockingCollection<Batch>? free;
    private Task? pump;
    private Batch? current;
    private int next;
    private bool sectionStarted;

    public RowStream(SourceReader reader, bool pipelined)
    {
        this.reader = reader;
        this.pipelined = pipelined && reader.SingleSection;
    }

    public SourceReader Reader => reader;

    public bool NextSection()
    {
        if (!pipelined)
        {
            return reader.NextSection();
        }

        if (sectionStarted || !reader.NextSection())
        {
            return false;
        }

        sectionStarted = true;
        reader.CopiesRaw = true;
        full = new BlockingCollection<Batch>(Depth);
        free = new BlockingCollection<Batch>(Depth + 2);
        for (var i = 0; i < Depth + 2; i++)
        {
            free.Add(new Batch());
        }

        pump = Task.Factory.StartNew(Pump, cancel.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        return true;
    }

    /// <summary>The next row, valid until the next call; false at the end of the section.</summary>
    public bool Read(out SourceRow row)
    {
        if (!pipelined)
        {
            row = single;
            return reader.Read(single);
        }

        while (current is null || next >= current.Count)
        {
            if (current is not null)
            {
                if (current.End)
                {
                    row = single;
                    return false;
                }

                free!.Add(current);
            }

            current = full!.Take();
            next = 0;
            if (current.Error is { } error)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(error).Throw();
            }
        }

        row = current.Rows[next++];
        return true;
    }

    public void Dispose()
    {
        cancel.Cancel();
        try
        {
            pump?.Wait();
        }
        catch (AggregateException)
        {
            // The pump stops by cancellation; its errors were delivered through the batches.
        }

        full?.Dispose();
        free?.Dispose();
        cancel.Dispose();
    }

    private void Pump()
    {
        try
        {
            while (true)
            {
                var batch = free!.Take(cancel.Token);
                batch.Count = 0;
                while (batch.Count < BatchSize && reader.Read(batch.Rows[batch.Count]))
                {
                    batch.Count++;
                }

                batch.End = batch.Count < BatchSize;
                full!.Add(batch, cancel.Token);
                if (batch.End)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var failed = new Batch { Error = ex, End = true };
            try
            {
                full!.Add(failed, cancel.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private sealed class Batch
    {
        public SourceRow[] Rows { get; } = Enumerable.Range(0, BatchSize).Select(_ => new SourceRow()).ToArray();

        public int Count { get; set; }

        public bool End { get; set; }

        public Exception? Error { get; init; }
    }
}
