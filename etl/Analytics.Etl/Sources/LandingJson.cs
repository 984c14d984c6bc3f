using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;

namespace Analytics.Etl.Sources;

/// <summary>Serialisation of the landing index: snake_case names, nulls left out, one compact line per entry.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = false)]
[JsonSerializable(typeof(LandingIndexEntry))]
internal sealed partial class LandingJson : JsonSerializerContext
{
    private static JsonTypeInfo<LandingIndexEntry>? _entry;

    /// <summary>The entry's type information, writing Chinese file names as they are rather than as \uXXXX escapes.</summary>
    public static JsonTypeInfo<LandingIndexEntry> Entry => _entry ??= CreateEntry();

    private static JsonTypeInfo<LandingIndexEntry> CreateEntry()
    {
        // Built on first use, not in a field initialiser: static initialisers of partial classes run in an unspecified order.
        var options = new JsonSerializerOptions(Default.Options) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };
        return (JsonTypeInfo<LandingIndexEntry>)options.GetTypeInfo(typeof(LandingIndexEntry));
    }
}
