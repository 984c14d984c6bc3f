using System.Numerics;
using System.Runtime.InteropServices;
using Analytics.Etl.Contracts;
using Analytics.Etl.Reading;

namespace Analytics.Etl.Validation;

/// <summary>
/// 64-bit hashes of a row's key (normalised values) and of its other content (the source text of its mapped columns),
/// for duplicate detection without keeping the rows. Four chars are mixed at a time (MurmurHash3's block step), then
/// a final avalanche. Two different keys collide with probability about n²/2⁶⁵ (under 10⁻⁶ for five million rows), and a
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
        var keys = record.Contract.KeyFieldArray;
        var types = record.Contract.TypeArray;
        for (var k = 0; k < keys.Length; k++)
        {
            var field = keys[k];
            if (record.IsNull(field))
            {
                h = Mix(h, 0xFFFF);
            }
            else if (types[field] == FieldType.Text)
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
        var keys = map.Contract.KeyFieldArray;
        var index = map.SourceIndex;
        for (var f = 0; f < index.Length; f++)
        {
            if (index[f] < 0 || Array.IndexOf(keys, f) >= 0)
            {
                continue;
            }

            h = Add(h, TrimSpaces(row.Field(index[f])));
        }

        return Finish(h);
    }

    private static ReadOnlySpan<char> TrimSpaces(ReadOnlySpan<char> text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && text[start] <= ' ')
        {
            start++;
        }

        while (end > start && text[end - 1] <= ' ')
        {
            end--;
        }

        return text[start..end];
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

    // MurmurHash3's 64-bit block step. The input is mixed off the dependency chain, so it stays cheap; a plain
    // xor-multiply step was tried and collided on counter-like credit codes (thousands of false conflicts per million).
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
