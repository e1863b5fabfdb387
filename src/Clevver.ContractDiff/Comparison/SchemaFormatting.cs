using System.Globalization;
using Microsoft.OpenApi;

namespace Clevver.ContractDiff.Comparison;

/// <summary>Formats schema keywords for change messages, in the words the OpenAPI specification uses.</summary>
internal static class SchemaFormatting
{
    private static readonly (JsonSchemaType Flag, string Name)[] TypeNames =
    [
        (JsonSchemaType.Boolean, "boolean"),
        (JsonSchemaType.Integer, "integer"),
        (JsonSchemaType.Number, "number"),
        (JsonSchemaType.String, "string"),
        (JsonSchemaType.Object, "object"),
        (JsonSchemaType.Array, "array"),
    ];

    /// <summary>Names the type without its Null flag, or "any type" when the schema sets none.</summary>
    public static string DescribeType(JsonSchemaType? type)
    {
        var names = TypeNames.Where(entry => type?.HasFlag(entry.Flag) == true).Select(entry => entry.Name).ToList();
        return names.Count == 0 ? "any type" : string.Join(" or ", names);
    }

    public static bool IsNullable(JsonSchemaType? type) => type?.HasFlag(JsonSchemaType.Null) == true;

    public static string DescribeFormat(string? format) => format ?? "none";

    public static string DescribeBound(decimal? bound) =>
        bound?.ToString(CultureInfo.InvariantCulture) ?? "none";

    public static string Quote(string? text) => text is null ? "none" : $"'{text}'";

    /// <summary>Returns the enum values as JSON text, so that "1" and 1 stay different values.</summary>
    public static IReadOnlyCollection<string> EnumValues(IOpenApiSchema schema) =>
        schema.Enum?.Select(value => value?.ToJsonString() ?? "null").ToHashSet(StringComparer.Ordinal)
        ?? (IReadOnlyCollection<string>)[];
}
