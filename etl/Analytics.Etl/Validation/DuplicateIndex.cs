using System.Runtime.InteropServices;

namespace Analytics.Etl.Validation;

/// <summary>
/// What the pre-scan learned about repeated keys. The same key with the same content is an exact duplicate: the first
/// copy is loaded and the others are quarantined as <c>duplicate_row</c>. The same key with different content is a
/// conflict: the file contradicts itself and the loader cannot know which row is right, so every row with that key
/// is quarantined as <c>duplicate_key_conflict</c> (keeping the last would silently trust file order).
/// </summary>
internal sealed class DuplicateIndex
{
    private Dictionary<ulong, Entry>? seen = [];
    private Dictionary<ulong, Entry> repeated = [];

    /// <summary>How a row stands with respect to its key.</summary>
    public enum Verdict
    {
        /// <summary>The only row with its key.</summary>
        Unique,

        /// <summary>The first of several identical rows: loaded.</summary>
        FirstOfDuplicates,

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

    /// <summary>Records one row of the pre-scan.</summary>
    public void Observe(ulong key, ulong content, long rowRef)
    {
        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(seen!, key, out var exists);
        if (!exists)
        {
            entry.Content = content;
            entry.First = rowRef;
            entry.Count = 1;
            return;
        }

        entry.Count++;
        if (entry.Count == 2)
        {
            entry.Second = rowRef;
        }

        entry.Differs |= entry.Content != content;
    }

    /// <summary>Ends the pre-scan: keeps only repeated keys, releasing the rest.</summary>
    public void Seal()
    {
        foreach (var (key, entry) in seen!)
        {
            if (entry.Count > 1)
            {
                repeated[key] = entry;
            }
        }

        seen = null;
    }

    /// <summary>Number of keys seen more than once.</summary>
    public int RepeatedKeys => repeated.Count;

    /// <summary>Judges a row of the main pass.</summary>
    public Verdict Judge(ulong key, long rowRef, out long first, out long other, out int count)
    {
        first = other = 0;
        count = 1;
        if (repeated.Count == 0 || !repeated.TryGetValue(key, out var entry))
        {
            return Verdict.Unique;
        }

        first = entry.First;
        other = rowRef == entry.First ? entry.Second : entry.First;
        count = entry.Count;
        if (entry.Differs)
        {
            return Verdict.Conflict;
        }

        return rowRef == entry.First ? Verdict.FirstOfDuplicates : Verdict.Duplicate;
    }

    private struct Entry
    {
        public ulong Content;
        public long First;
        public long Second;
        public int Count;
        public bool Differs;
    }
}
