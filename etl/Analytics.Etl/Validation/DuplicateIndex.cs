namespace Analytics.Etl.Validation;

/// <summary>
/// Repeated keys, found in the one pass that loads the rows and settled at the end of the file. Every accepted row is
/// logged as it goes by — its key hash, content hash and source row, 24 bytes, in acceptance order — and at the end the
/// log is sorted by key. The same key with the same content is an exact duplicate: the first copy stays loaded and the
/// later ones are withdrawn and quarantined as <c>duplicate_row</c>. The same key with different content is a conflict:
/// the file contradicts itself and the loader cannot know which row is right, so every row with that key is withdrawn
/// and quarantined as <c>duplicate_key_conflict</c> (keeping one would silently trust file order).
/// </summary>
/// <remarks>
/// A hash table of the keys cost about 2 GB for a province's 27.6 million R&amp;D rows (per-entry overhead, slack and
/// the garbage of growing); the log is exactly 24 bytes a row, in fixed chunks that are never copied, plus 12 bytes a
/// row while it is sorted.
/// </remarks>
internal sealed class DuplicateIndex
{
    private const int ChunkBits = 16;
    private const int ChunkSize = 1 << ChunkBits;
    private readonly List<Entry[]> chunks = [];
    private int count;

    /// <summary>How a withdrawn row stands.</summary>
    public enum Verdict
    {
        /// <summary>A later copy of an identical row.</summary>
        Duplicate,

        /// <summary>One of several rows with the key and different content.</summary>
        Conflict,
    }

    /// <summary>A row reference (sheet index and row number) packed in one number.</summary>
    public static long Ref(int sheetIndex, long rowNumber) => ((long)sheetIndex << 40) | rowNumber;

    /// <summary>The sheet index of a packed reference.</summary>
    public static int SheetOf(long rowRef) => (int)(rowRef >> 40);

    /// <summary>The row number of a packed reference.</summary>
    public static long RowOf(long rowRef) => rowRef & ((1L << 40) - 1);

    /// <summary>Logs the next accepted row (its position in the log is its accepted index).</summary>
    public void Add(ulong key, ulong content, long rowRef)
    {
        if (count == int.MaxValue)
        {
            throw new InvalidOperationException("More than 2^31 rows in one file: split the extract.");
        }

        if ((count & (ChunkSize - 1)) == 0)
        {
            chunks.Add(new Entry[ChunkSize]);
        }

        chunks[count >> ChunkBits][count & (ChunkSize - 1)] = new Entry(key, content, rowRef);
        count++;
    }

    /// <summary>
    /// Logs another log's rows after this one's, in their order, and empties it: the logs of a file's chunks joined in
    /// chunk order are the log of the whole file (accepted indexes count on across chunks).
    /// </summary>
    public void Append(DuplicateIndex other)
    {
        for (var i = 0; i < other.count; i++)
        {
            var entry = other.At(i);
            Add(entry.Key, entry.Content, entry.RowRef);
        }

        other.chunks.Clear();
        other.count = 0;
    }

    /// <summary>The keys that occur more than once, each with its rows in source order. Empties the log.</summary>
    public List<Repeat> Settle()
    {
        var keys = new ulong[count];
        var order = new int[count];
        for (var i = 0; i < count; i++)
        {
            keys[i] = At(i).Key;
            order[i] = i;
        }

        Array.Sort(keys, order);
        var repeats = new List<Repeat>();
        for (var start = 0; start < count;)
        {
            var end = start + 1;
            while (end < count && keys[end] == keys[start])
            {
                end++;
            }

            if (end - start > 1)
            {
                var accepted = order.AsSpan(start, end - start).ToArray();
                Array.Sort(accepted);
                var first = At(accepted[0]);
                var differs = false;
                var refs = new long[accepted.Length];
                for (var j = 0; j < accepted.Length; j++)
                {
                    var entry = At(accepted[j]);
                    refs[j] = entry.RowRef;
                    differs |= entry.Content != first.Content;
                }

                repeats.Add(new Repeat(accepted, refs, differs ? Verdict.Conflict : Verdict.Duplicate));
            }

            start = end;
        }

        chunks.Clear();
        count = 0;
        return repeats;
    }

    private Entry At(int index) => chunks[index >> ChunkBits][index & (ChunkSize - 1)];

    /// <summary>The rows sharing one key, in source order: their accepted indexes and row references.</summary>
    public sealed record Repeat(int[] Accepted, long[] RowRefs, Verdict Verdict)
    {
        /// <summary>How many rows carry the key.</summary>
        public int Count => Accepted.Length;

        /// <summary>The positions (into <see cref="Accepted"/>) of the rows to withdraw: all for a conflict, all but the first otherwise.</summary>
        public IEnumerable<int> Withdrawn => Enumerable.Range(Verdict == Verdict.Conflict ? 0 : 1, Verdict == Verdict.Conflict ? Count : Count - 1);
    }

    private readonly record struct Entry(ulong Key, ulong Content, long RowRef);
}
