using System.Numerics;
using Newtonsoft.Json;

namespace Clevver.Generated;

/// <summary>
/// Reads <see cref="long"/> and <see cref="double"/> values only from JSON numbers, and a
/// <see cref="long"/> only from a whole number within its range.
/// </summary>
/// <remarks>
/// Newtonsoft.Json would round <c>1.5</c> into a <see cref="long"/>, read <c>"12"</c> as a number and
/// wrap a number too large for a <see cref="long"/>. A file size that is not a whole number is a broken
/// response, so each of these raises <see cref="JsonSerializationException"/>. A whole number written
/// with a fraction part, such as <c>2.0</c>, is accepted, as JSON Schema accepts it as an integer.
/// </remarks>
internal sealed class StrictNumberJsonConverter : JsonConverter
{
    public override bool CanConvert(Type objectType) =>
        objectType == typeof(long) || objectType == typeof(long?) || objectType == typeof(double) || objectType == typeof(double?);

    public override bool CanWrite => false;

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        var nullable = Nullable.GetUnderlyingType(objectType) is not null;
        var target = Nullable.GetUnderlyingType(objectType) ?? objectType;
        if (reader.TokenType == JsonToken.Null && nullable)
        {
            return null;
        }

        return target == typeof(long) ? (object)ReadInt64(reader) : ReadDouble(reader);
    }

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) =>
        throw new NotSupportedException("StrictNumberJsonConverter only reads.");

    private static long ReadInt64(JsonReader reader)
    {
        switch (reader.Value)
        {
            case long whole when reader.TokenType == JsonToken.Integer:
                return whole;
            case BigInteger:
                throw new JsonSerializationException($"The integer {reader.Value} at '{reader.Path}' is outside the range of a 64-bit integer.");
            case double number when reader.TokenType == JsonToken.Float:
                if (double.IsFinite(number) && Math.Floor(number) == number && number >= long.MinValue && number < long.MaxValue)
                {
                    return (long)number;
                }

                throw new JsonSerializationException($"Expected a whole number at '{reader.Path}' but found {number.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
            default:
                throw new JsonSerializationException($"Expected a whole number at '{reader.Path}' but found {Describe(reader)}.");
        }
    }

    private static double ReadDouble(JsonReader reader)
    {
        var number = reader.Value switch
        {
            long whole when reader.TokenType == JsonToken.Integer => whole,
            BigInteger big => (double)big,
            double fraction when reader.TokenType == JsonToken.Float => fraction,
            _ => throw new JsonSerializationException($"Expected a number at '{reader.Path}' but found {Describe(reader)}."),
        };

        return double.IsFinite(number)
            ? number
            : throw new JsonSerializationException($"The number at '{reader.Path}' is outside the range of a double.");
    }

    private static string Describe(JsonReader reader) =>
        reader.Value is null ? reader.TokenType.ToString() : $"{reader.TokenType} '{reader.Value}'";
}
