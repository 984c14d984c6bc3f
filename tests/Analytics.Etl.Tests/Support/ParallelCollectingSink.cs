using Analytics.Etl.Contracts;

namespace Analytics.Etl.Tests.Support;

/// <summary>
/// Collects a parallel read: one strict sink per thread that withdraws by accepted index (as the lake's staging does),
/// checking that the index points at the row the rejection names, and the whole file's rows in source-row order.
/// </summary>
public sealed class ParallelCollectingSink : IParallelFeedSink
{
    private readonly List<ThreadSink> threads = [];

    /// <summary>How many thread sinks the read asked for.</summary>
    public int Threads => threads.Count;

    /// <summary>Accepted rows (row number, sheet, values, note kinds) that were not withdrawn, ordered by source row.</summary>
    public List<(long Row, string? Sheet, object?[] Values, string Notes)> Rows =>
        threads.SelectMany(t => t.Accepted.Where(a => !a.Withdrawn).Select(a => (a.Row, a.Sheet, a.Values, a.Notes))).OrderBy(r => r.Row).ToList();

    /// <summary>Quarantined rows, ordered by source row then rule.</summary>
    public List<Rejection> Rejections => threads.SelectMany(t => t.Rejections).OrderBy(r => r.RowNumber).ThenBy(r => r.RuleId, StringComparer.Ordinal).ToList();

    /// <summary>Rows each thread accepted (before withdrawals).</summary>
    public IEnumerable<int> AcceptedPerThread => threads.Select(t => t.Accepted.Count);

    public IFeedSink ForThread(int thread)
    {
        Assert.Equal(threads.Count, thread);
        var sink = new ThreadSink();
        threads.Add(sink);
        return sink;
    }

    public void Accept(FeedRecord record) => throw new InvalidOperationException("a parallel read must use the thread sinks");

    public void Quarantine(Rejection rejection) => throw new InvalidOperationException("a parallel read must use the thread sinks");

    public void Withdraw(long acceptedIndex, Rejection rejection) => throw new InvalidOperationException("a parallel read must use the thread sinks");

    private sealed class ThreadSink : IFeedSink
    {
        public List<Entry> Accepted { get; } = [];

        public List<Rejection> Rejections { get; } = [];

        public void Accept(FeedRecord record) =>
            Accepted.Add(new Entry(record.RowNumber, record.Sheet, record.ToValues(), string.Join(",", record.Notes.Select(n => n.Kind))));

        public void Quarantine(Rejection rejection) => Rejections.Add(rejection);

        public void Withdraw(long acceptedIndex, Rejection rejection)
        {
            var entry = Accepted[checked((int)acceptedIndex)];
            Assert.False(entry.Withdrawn, $"row {entry.Row} withdrawn twice");
            Assert.Equal(entry.Row, rejection.RowNumber);
            entry.Withdrawn = true;
            Rejections.Add(rejection);
        }
    }

    private sealed class Entry(long row, string? sheet, object?[] values, string notes)
    {
        public long Row { get; } = row;

        public string? Sheet { get; } = sheet;

        public object?[] Values { get; } = values;

        public string Notes { get; } = notes;

        public bool Withdrawn { get; set; }
    }
}
