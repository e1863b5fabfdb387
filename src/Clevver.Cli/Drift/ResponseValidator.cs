using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Clevver.Cli.Drift;

/// <summary>Validates a response body against a schema from <see cref="ContractSchemas"/> and names each difference.</summary>
internal static class ResponseValidator
{
    /// <summary>Returns the differences between <paramref name="body"/> and <paramref name="schema"/>, in document order.</summary>
    /// <param name="schema">The response schema.</param>
    /// <param name="body">The response body as text.</param>
    /// <param name="request">The request line to put in each finding, for example <c>GET /api/batches</c>.</param>
    public static IReadOnlyList<DriftFinding> Validate(JsonSchema schema, string body, string request)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(body);

        JToken document;
        try
        {
            // Dates stay strings, so that a format check sees the text the server sent.
            using var reader = new JsonTextReader(new StringReader(body)) { DateParseHandling = DateParseHandling.None };
            document = JToken.ReadFrom(reader);
        }
        catch (JsonReaderException exception)
        {
            return [new DriftFinding(DriftKind.InvalidJson, request, "$", $"The body is not JSON: {exception.Message}")];
        }

        var errors = new JsonSchemaValidator().Validate(document, schema);
        return Flatten(errors)
            .Select(error => ToFinding(error, document, request))
            .OrderBy(finding => finding.Path, StringComparer.Ordinal)
            .ThenBy(finding => finding.Kind)
            .ToList();
    }

    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            // A value that matches no branch of anyOf: the branch that allows only null explains nothing.
            if (error is ChildSchemaValidationError child)
            {
                var branches = child.Errors.Values.Where(branch => !branch.All(e => e.Kind == ValidationErrorKind.NullExpected)).ToList();
                foreach (var nested in Flatten(branches.SelectMany(branch => branch)))
                {
                    yield return nested;
                }

                continue;
            }

            yield return error;
        }
    }

    private static DriftFinding ToFinding(ValidationError error, JToken document, string request)
    {
        var path = JsonPath(error.Path);
        var value = Describe(error.Token ?? document.SelectToken(path));
        return error.Kind switch
        {
            ValidationErrorKind.NoAdditionalPropertiesAllowed =>
                new(DriftKind.UnknownField, request, path, $"The contract has no property '{error.Property}'; the server sent {value}."),
            ValidationErrorKind.NotInEnumeration =>
                new(DriftKind.UnknownEnumValue, request, path, $"The value {value} is not one of the contract's values: {EnumValues(error.Schema)}."),
            ValidationErrorKind.PropertyRequired =>
                new(DriftKind.MissingField, request, path, $"The required property '{error.Property}' is missing."),
            _ when IsTypeError(error.Kind) =>
                new(DriftKind.TypeDifference, request, path, $"The value {value} is not of the contract's type {TypeName(error.Schema)}."),
            _ =>
                new(DriftKind.InvalidValue, request, path, $"The value {value} breaks the contract's rule {error.Kind}."),
        };
    }

    private static bool IsTypeError(ValidationErrorKind kind) => kind is
        ValidationErrorKind.StringExpected or ValidationErrorKind.NumberExpected or ValidationErrorKind.IntegerExpected or
        ValidationErrorKind.BooleanExpected or ValidationErrorKind.ObjectExpected or ValidationErrorKind.ArrayExpected or
        ValidationErrorKind.NullExpected or ValidationErrorKind.NoTypeValidates;

    /// <summary>Converts NJsonSchema's path, such as <c>#/data[0].status</c>, into a JSONPath such as <c>$.data[0].status</c>.</summary>
    private static string JsonPath(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "#")
        {
            return "$";
        }

        var relative = path.StartsWith("#/", StringComparison.Ordinal) ? path[2..] : path.TrimStart('#');
        return relative.StartsWith('[') ? "$" + relative : "$." + relative;
    }

    private static string Describe(JToken? token)
    {
        if (token is null)
        {
            return "no value";
        }

        var text = token.ToString(Formatting.None);
        return text.Length <= 80 ? text : new StringBuilder(text, 0, 77, 80).Append("...").ToString();
    }

    private static string EnumValues(JsonSchema? schema)
    {
        var values = schema?.ActualSchema.Enumeration.Select(value => value?.ToString() ?? "null").ToList() ?? [];
        return values.Count == 0 ? "(none listed)" : string.Join(", ", values);
    }

    private static string TypeName(JsonSchema? schema) =>
        schema is null ? "(unknown)" : schema.ActualSchema.Type.ToString().ToLowerInvariant();
}
