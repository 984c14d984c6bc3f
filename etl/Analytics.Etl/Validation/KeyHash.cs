using System.Numerics;
using System.Runtime.InteropServices;
using Analytics.Etl.Contracts;
using Analytics.Etl.Reading;

namespace Analytics.Etl.Validation;

/// <summary>
/// 64-bit hashes of a row's key (normalised values) and of its other content (the source text of its mapped columns),
/// for duplicate detection without keeping the rows. Four chars are mixed at a time (multiply–rotate, then a final
/// avalanche). Two different keys collide with probability about n²/2⁶⁵ (under 10⁻⁶ for five million rows), and a
/// collision shows up as a visible conflict, never as a silent merge of values.
/// </summary>
internal static class KeyHash
{
    private const ulong Seed = 0x9E3779B97F4A7C15UL;
    private const ulong K1 = 0x87C37B91114253D5UL;
    private const ulong K2 = 0x4CF5AD432745937FUL;

    public static ulong OfKey(FeedRecord record)
    {
        var h = Seed;
        foreach (var field in record.Contract.KeyFields)
        {
            if (record.IsNull(field))
            {
                h = Mix(h, 0xFFFF);
            }
            else if (record.Contract.Fields[field].Type == FieldType.Text)
            {
                h = Add(h, record.RawText(field));
            }
            else
            {
                h = Mix(h, (ulong)record.RawNumber(field));
            }
        }

        return Finish(h);
    }

    /// <summary>The content of the non-key mapped columns, trimmed, as written.</summary>
    public static ulong OfContent(SourceRow row, ColumnMap map)
    {
        var h = Seed;
        var keys = map.Contract.KeyFields;
        var index = map.SourceIndexByField;
        for (var f = 0; f < index.Count; f++)
        {
            if (index[f] < 0 || Contains(keys, f))
            {
                continue;
            }

            h = Add(h, row.Field(index[f]).Trim());
        }

        return Finish(h);
    }

    private static bool Contains(IReadOnlyList<int> list, int value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return true;
            }
        }

        return false;
    }

    // Length first, so field boundaries count: ("ab","c") and ("a","bc") differ.
    private static ulong Add(ulong h, ReadOnlySpan<char> text)
    {
        h = Mix(h, (ulong)text.Length);
        var blocks = MemoryMarshal.Cast<char, ulong>(text);
        foreach (var block in blocks)
        {
            h = Mix(h, block);
        }

        for (var i = blocks.Length * 4; i < text.Length; i++)
        {
            h = Mix(h, text[i]);
        }

        return h;
    }

    private static ulong Mix(ulong h, ulong value)
    {
        value *= K1;
        value = BitOperations.RotateLeft(value, 31);
        value *= K2;
        h ^= value;
        return (BitOperations.RotateLeft(h, 27) * 5) + 0x52DCE729;
    }

    private static ulong Finish(ulong h)
    {
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdUL;
        h ^= h >> 33;
        h *= 0xc4ceb9fe1a85ec53UL;
        h ^= h >> 33;
        return h;
    }
}
