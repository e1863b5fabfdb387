using Newtonsoft.Json;

namespace Clevver.Generated;

/// <summary>
/// Reads <see cref="DateTimeOffset"/> values in both of the API's timestamp forms, reading a value
/// without a zone as UTC. Newtonsoft.Json's default would read such a value as local time.
/// </summary>
internal sealed class ClevverTimestampJsonConverter : JsonConverter
{
    public override bool CanConvert(Type objectType) =>
        objectType == typeof(DateTimeOffset) || objectType == typeof(DateTimeOffset?);

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        if (reader.TokenType == JsonToken.Null && objectType == typeof(DateTimeOffset?))
        {
            return null;
        }

        if (reader.TokenType != JsonToken.String)
        {
            throw new JsonSerializationException($"Expected a timestamp string but found {reader.TokenType} at '{reader.Path}'.");
        }

        var text = (string)reader.Value!;
        if (!ClevverTimestamp.TryParse(text, out var value))
        {
            throw new JsonSerializationException(
                $"The timestamp '{text}' at '{reader.Path}' is neither 'yyyy-MM-dd HH:mm:ss' nor ISO 8601.");
        }

        return value;
    }

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value is DateTimeOffset timestamp)
        {
            writer.WriteValue(timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNull();
        }
    }
}
