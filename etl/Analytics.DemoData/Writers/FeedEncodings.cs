using System.Text;

namespace Analytics.DemoData.Writers;

/// <summary>The encodings the feeds are written in.</summary>
internal static class FeedEncodings
{
    private static readonly Lazy<Encoding> GbkEncoding = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

        // Throw rather than write '?': a character outside GBK is a generator bug, not dirt.
        return Encoding.GetEncoding(936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    });

    /// <summary>GBK (code page 936), as Chinese government systems export CSV.</summary>
    public static Encoding Gbk => GbkEncoding.Value;

    /// <summary>UTF-8; its preamble is the BOM.</summary>
    public static Encoding Utf8WithBom { get; } = new UTF8Encoding(true, true);
}
