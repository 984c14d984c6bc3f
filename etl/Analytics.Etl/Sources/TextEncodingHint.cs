using System.Text.Json.Serialization;

namespace Analytics.Etl.Sources;

/// <summary>
/// The text encoding a source declares for its CSV or JSON Lines files. Pull copies bytes and never decodes;
/// the hint travels in the landing index so that the readers need not guess.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<TextEncodingHint>))]
public enum TextEncodingHint
{
    /// <summary>UTF-8, with or without a byte order mark (<c>"utf-8"</c>).</summary>
    [JsonStringEnumMemberName("utf-8")]
    Utf8,

    /// <summary>GBK / GB 18030, as Chinese government systems export (<c>"gbk"</c>).</summary>
    [JsonStringEnumMemberName("gbk")]
    Gbk,
}
