using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Analytics.Etl.Reading;

/// <summary>
/// Chooses and checks a text file's encoding. Decoding is strict: a byte sequence that is invalid in the chosen
/// encoding refuses the file instead of becoming replacement characters (mojibake that would load silently).
/// </summary>
internal static class TextDecoding
{
    /// <summary>Bytes examined to detect the encoding.</summary>
    public const int SampleBytes = 64 * 1024;

    private static readonly Lazy<Encoding> Gb18030 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(54936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    });

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The chosen encoding, its display name and the BOM length to skip.</summary>
    public readonly record struct Choice(Encoding Encoding, string Name, int BomLength);

    /// <summary>Chooses the encoding of a file whose first bytes are <paramref name="head"/>.</summary>
    public static Choice Choose(string path, ReadOnlySpan<byte> head, bool headIsWholeFile, ExtractEncoding declared)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            throw new ExtractRefusedException(path, "the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8 or GBK.");
        }

        var hasBom = head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
        var body = hasBom ? head[3..] : head;
        var utf8 = Utf8Status(body, headIsWholeFile, out var badOffset);
        var nonAscii = body.IndexOfAnyExceptInRange((byte)0, (byte)0x7F) >= 0;

        switch (declared)
        {
            case ExtractEncoding.Utf8:
                if (utf8 != OperationStatus.Done && utf8 != OperationStatus.NeedMoreData)
                {
                    throw NotUtf8(path, badOffset + (hasBom ? 3 : 0), head);
                }

                return new Choice(StrictUtf8, hasBom ? "UTF-8 (BOM)" : "UTF-8", hasBom ? 3 : 0);

            case ExtractEncoding.Gbk:
                if (hasBom)
                {
                    throw new ExtractRefusedException(path, "declared GBK, but the file starts with a UTF-8 byte-order mark: it is UTF-8. Declare UTF-8 (or leave the encoding to detection).");
                }

                if (nonAscii && utf8 is OperationStatus.Done or OperationStatus.NeedMoreData)
                {
                    throw new ExtractRefusedException(path, "declared GBK, but its Chinese text is valid UTF-8: reading it as GBK would produce mojibake. Declare UTF-8 (or leave the encoding to detection), or re-export it as GBK.");
                }

                return new Choice(Gb18030.Value, "GB18030 (GBK)", 0);

            default:
                if (hasBom)
                {
                    return new Choice(StrictUtf8, "UTF-8 (BOM)", 3);
                }

                return utf8 is OperationStatus.Done or OperationStatus.NeedMoreData
                    ? new Choice(StrictUtf8, "UTF-8", 0)
                    : new Choice(Gb18030.Value, "GB18030 (GBK)", 0);
        }
    }

    /// <summary>The refusal for bytes that the chosen encoding cannot decode.</summary>
    public static ExtractRefusedException Undecodable(string path, string encodingName, long offset, DecoderFallbackException error)
    {
        var bytes = error.BytesUnknown is { Length: > 0 } b ? Convert.ToHexString(b) : "?";
        var hint = encodingName.StartsWith("UTF-8", StringComparison.Ordinal)
            ? "The file is not UTF-8 from there on (GBK text looks like this); re-export it in one encoding, or declare GBK."
            : "The bytes are not GBK/GB18030 either; check the export's encoding.";
        return new ExtractRefusedException(path, $"byte 0x{bytes} at offset {offset:N0} is not valid {encodingName}. {hint}", error);
    }

    private static ExtractRefusedException NotUtf8(string path, long offset, ReadOnlySpan<byte> head)
    {
        var sample = Convert.ToHexString(head.Slice((int)Math.Min(offset, head.Length), Math.Min(2, Math.Max(0, head.Length - (int)offset))));
        return new ExtractRefusedException(path, $"declared UTF-8, but byte 0x{sample} at offset {offset:N0} is not valid UTF-8: the file looks like GBK. Declare GBK (or leave the encoding to detection), or re-export it as UTF-8.");
    }

    private static OperationStatus Utf8Status(ReadOnlySpan<byte> bytes, bool isFinal, out long badOffset)
    {
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, bytes.Length));
        try
        {
            var status = Utf8.ToUtf16(bytes, chars, out var read, out _, replaceInvalidSequences: false, isFinalBlock: isFinal);
            badOffset = read;
            return status;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
