namespace Analytics.Etl.Reading;

/// <summary>How a text extract's bytes are decoded.</summary>
public enum ExtractEncoding
{
    /// <summary>
    /// A UTF-8 BOM means UTF-8; otherwise UTF-8 when the first 64 KB decode strictly as UTF-8; otherwise GBK. Invalid
    /// bytes later in the file refuse it (no silent replacement characters).
    /// </summary>
    Detect,

    /// <summary>UTF-8 (BOM optional). Bytes that are not UTF-8 refuse the file, naming the offset and suggesting GBK.</summary>
    Utf8,

    /// <summary>
    /// GBK, decoded as GB18030 (its superset, so rare characters in names also decode). A file that is valid UTF-8 with
    /// Chinese text, or starts with a UTF-8 BOM, is refused: it is not GBK.
    /// </summary>
    Gbk,
}
