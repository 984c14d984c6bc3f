using System.Text.Json;
using System.Text.Json.Serialization;
using Analytics.Etl.Contracts;

namespace Analytics.Etl.Sources;

/// <summary>Writes a <see cref="FeedKind"/> as its canonical name (<c>rd_spend</c>), as in configuration and folder names.</summary>
internal sealed class FeedKindJsonConverter : JsonConverter<FeedKind>
{
    public override FeedKind Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var name = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return FeedNames.TryParse(name, out var feed)
            ? feed.Value
            : throw new JsonException($"'{name}' is not a feed; expected one of {string.Join(", ", FeedNames.All)}.");
    }

    public override void Write(Utf8JsonWriter writer, FeedKind value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToName());
    }
}
