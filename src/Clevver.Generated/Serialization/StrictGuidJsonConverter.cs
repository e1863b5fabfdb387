using Newtonsoft.Json;

namespace Clevver.Generated;

/// <summary>
/// Reads a <see cref="Guid"/> only from a JSON string in the UUID form of RFC 9562
/// (<c>xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx</c>), the contract's <c>format: uuid</c>.
/// </summary>
/// <remarks>Newtonsoft.Json would also accept braces, parentheses and 32 digits without hyphens.</remarks>
internal sealed class StrictGuidJsonConverter : JsonConverter
{
    public override bool CanConvert(Type objectType) => objectType == typeof(Guid) || objectType == typeof(Guid?);

    public override bool CanWrite => false;

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        if (reader.TokenType == JsonToken.Null && objectType == typeof(Guid?))
        {
            return null;
        }

        if (reader.TokenType == JsonToken.String && Guid.TryParseExact((string)reader.Value!, "D", out var id))
        {
            return id;
        }

        throw new JsonSerializationException($"Expected a UUID such as '00000000-0000-0000-0000-000000000000' at '{reader.Path}' but found {reader.TokenType} '{reader.Value}'.");
    }

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) =>
        throw new NotSupportedException("StrictGuidJsonConverter only reads.");
}
