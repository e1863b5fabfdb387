using Newtonsoft.Json;

namespace Clevver.Generated;

/// <summary>Reads and writes <see cref="BatchStatus"/> as its plain string value.</summary>
internal sealed class BatchStatusJsonConverter : JsonConverter<BatchStatus>
{
    public override BatchStatus ReadJson(JsonReader reader, Type objectType, BatchStatus existingValue, bool hasExistingValue, JsonSerializer serializer)
    {
        if (reader.TokenType != JsonToken.String)
        {
            throw new JsonSerializationException($"Expected the batch status as a JSON string but found {reader.TokenType} at '{reader.Path}'.");
        }

        return new BatchStatus((string)reader.Value!);
    }

    public override void WriteJson(JsonWriter writer, BatchStatus value, JsonSerializer serializer)
    {
        writer.WriteValue(value.Value);
    }
}
