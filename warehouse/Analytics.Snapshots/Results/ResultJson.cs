using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Analytics.Snapshots.Formatting;

namespace Analytics.Snapshots.Results;

/// <summary>
/// JSON values of query results: numbers stay numbers (DECIMAL and HUGEINT exactly), dates and times are ISO 8601
/// strings, BLOBs base64, lists arrays, structs and maps objects; text is escaped for JSON only (Chinese stays as it
/// is). A result is <c>{"columns":[{"name":…,"type":…}],"rows":[[…],…],"truncated":false,"truncation":null}</c>: rows
/// are arrays, so duplicate column names survive.
/// </summary>
public static class ResultJson
{
    /// <summary>The writer options of every JSON result.</summary>
    public static JsonWriterOptions WriterOptions { get; } = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes one value.</summary>
    public static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null or DBNull:
                json.WriteNullValue();
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            case sbyte or byte or short or ushort or int or uint or long:
                json.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong u:
                json.WriteNumberValue(u);
                break;
            case decimal m:
                json.WriteNumberValue(m);
                break;
            case double d when double.IsFinite(d):
                json.WriteNumberValue(d);
                break;
            case float f when float.IsFinite(f):
                json.WriteNumberValue(f);
                break;
            case Int128 or UInt128 or BigInteger:
                json.WriteRawValue(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture));
                break;
            case byte[] bytes:
                json.WriteBase64StringValue(bytes);
                break;
            case DateOnly or DateTime or DateTimeOffset or TimeOnly:
                json.WriteStringValue(((IFormattable)value).ToString(value is DateOnly ? "yyyy-MM-dd" : "o", CultureInfo.InvariantCulture));
                break;
            case IDictionary map:
                json.WriteStartObject();
                foreach (DictionaryEntry entry in map)
                {
                    json.WritePropertyName(ValueText.Format(entry.Key));
                    WriteValue(json, entry.Value);
                }

                json.WriteEndObject();
                break;
            case IEnumerable list and not string:
                json.WriteStartArray();
                foreach (var item in list)
                {
                    WriteValue(json, item);
                }

                json.WriteEndArray();
                break;
            default:
                json.WriteStringValue(ValueText.Format(value));
                break;
        }
    }
}
