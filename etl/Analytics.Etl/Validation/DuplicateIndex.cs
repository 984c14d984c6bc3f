using System.Runtime.InteropServices;

namespace Analytics.Etl.Validation;

/// <summary>
/// Repeated keys, found in the one pass that also loads the rows. The first row with a key is loaded when it is read;
/// a later row with the same key is held back until the end of the file, when its verdict is certain. The same key
/// with the same content is an exact duplicate: the first copy stays loaded and the others are quarantined as
/// <c>duplicate_row</c>. The same key with different content is a conflict: the file contradicts itself and the loader
/// cannot know which row is right, so every row with that key is quarantined as <c>duplicate_key_conflict</c>, the
/// first one withdrawn from the sink (keeping it would silently trust file order).
/// </summary>
internal sealed class DuplicateIndex
{
    // Keys are spread over 256 dictionaries by their top byte, so growing one copies 1/256 of the index: a single
    // dictionary of 27 million keys briefly held its old and new arrays together, over a gigabyte more.
    private readonly Dictionary<ulong, Entry>[] seen = Enumerable.Range(0, 256).Select(_ => new Dictionary<ulong, Entry>()).ToArray();
    private readonly Dictionary<ulong, Repeat> repeated = [];

    /// <summary>How a held row stands at the end of the file.</summary>
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

    /// <summary>Number of keys seen more than once.</summary>
    public int RepeatedKeys => repeated.Count;

    /// <summary>
    /// Records a valid row. True when its key is new: the caller loads it as the <paramref name="acceptedIndex"/>-th
    /// accepted row. False when the key was seen before: the caller holds the row with <see cref="Hold"/>.
    /// </summary>
    public bool Observe(ulong key, ulong content, long rowRef, long acceptedIndex)
    {
        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(seen[key >> 56], key, out var exists);
        if (!exists)
        {
            entry.Content = content;
            entry.First = rowRef;
            entry.Accepted = acceptedIndex;
            return true;
        }

        if (!repeated.TryGetValue(key, out var repeat))
        {
            repeat = new Repeat(entry.First, entry.Accepted, rowRef);
            repeated[key] = repeat;
        }

        repeat.Differs |= entry.Content != content;
        return false;
    }

    /// <summary>Holds a row whose key was seen before (after <see cref="Observe"/> returned false).</summary>
    public void Hold(ulong key, HeldRow row)
    {
        var repeat = repeated[key];
        repeat.Held.Add(row);
        repeat.KeyText ??= row.KeyText;
    }

    /// <summary>Every repeated key once the file is read, with its verdict.</summary>
    public IEnumerable<Repeat> Repeats => repeated.Values;

    /// <summary>A row held back because its key was seen before.</summary>
    public sealed record HeldRow(long RowRef, string? Sheet, long RowNumber, string RawText, string KeyText);

    /// <summary>What is known about one repeated key.</summary>
    public sealed class Repeat(long first, long firstAccepted, long second)
    {
        /// <summary>The first row with the key (loaded when read).</summary>
        public long First { get; } = first;

        /// <summary>The first row's position among the rows accepted, for withdrawing it.</summary>
        public long FirstAccepted { get; } = firstAccepted;

        /// <summary>The second row with the key.</summary>
        public long Second { get; } = second;

        /// <summary>True when some row with the key has different content from the first.</summary>
        public bool Differs { get; set; }

        /// <summary>The key as the record shows it (e.g. <c>credit_code=…, as_of=…</c>).</summary>
        public string? KeyText { get; set; }

        /// <summary>The later rows with the key, in source order.</summary>
        public List<HeldRow> Held { get; } = [];

        /// <summary>How many rows carry the key.</summary>
        public int Count => Held.Count + 1;

        /// <summary>The verdict on every row with the key.</summary>
        public Verdict Verdict => Differs ? Verdict.Conflict : Verdict.Duplicate;
    }

    private struct Entry
    {
        public ulong Content;
        public long First;
        public long Accepted;
    }
}
