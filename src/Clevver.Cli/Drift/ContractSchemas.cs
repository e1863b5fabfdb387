using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace Clevver.Cli.Drift;

/// <summary>
/// The response schemas of the OpenAPI 3.0 contract, converted to JSON Schema for NJsonSchema's
/// validator. The conversion rewrites <c>#/components/schemas/X</c> references to
/// <c>#/definitions/X</c> and <c>nullable: true</c> to a type that includes <c>null</c>.
/// </summary>
/// <remarks>
/// With <c>strict</c>, every object schema that does not declare <c>additionalProperties</c> gets
/// <c>additionalProperties: false</c>. The contract allows additional properties, so that a client
/// keeps working when the server adds a field, but a drift check must report such a field.
/// </remarks>
internal sealed class ContractSchemas
{
    /// <summary>The name of the contract that is compiled into this assembly.</summary>
    public const string EmbeddedResourceName = "Clevver.Cli.Drift.clevver.openapi.yaml";

    private const string ComponentSchemaPrefix = "#/components/schemas/";
    private const string ComponentResponsePrefix = "#/components/responses/";

    private readonly JObject _contract;
    private readonly JObject _definitions;
    private readonly bool _strict;

    private ContractSchemas(JObject contract, bool strict)
    {
        _contract = contract;
        _strict = strict;
        var schemas = contract.SelectToken("components.schemas") as JObject ?? new JObject();
        _definitions = (JObject)ConvertSchema(schemas.DeepClone(), isSchemaMap: true);
    }

    /// <summary>Parses an OpenAPI 3.0 contract in YAML or JSON.</summary>
    /// <param name="yaml">The contract's text.</param>
    /// <param name="strict">True to reject properties that the contract does not name.</param>
    /// <exception cref="InvalidDataException">The text is not an OpenAPI document with paths.</exception>
    public static ContractSchemas Parse(string yaml, bool strict)
    {
        ArgumentNullException.ThrowIfNull(yaml);

        if (YamlJson.Parse(yaml) is not JObject contract || contract["paths"] is not JObject)
        {
            throw new InvalidDataException("The contract is not an OpenAPI document: it has no 'paths' object.");
        }

        return new ContractSchemas(contract, strict);
    }

    /// <summary>Loads the copy of api/clevver.openapi.yaml compiled into this assembly.</summary>
    public static ContractSchemas LoadEmbedded(bool strict)
    {
        using var stream = typeof(ContractSchemas).Assembly.GetManifestResourceStream(EmbeddedResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {EmbeddedResourceName} is missing from {typeof(ContractSchemas).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), strict);
    }

    /// <summary>Returns the JSON Schema of the <c>application/json</c> body of one documented response.</summary>
    /// <param name="operationId">The contract's operationId, for example <c>Batches_Get</c>.</param>
    /// <param name="status">The HTTP status code, for example 200.</param>
    /// <exception cref="KeyNotFoundException">The contract documents no JSON body for this operation and status.</exception>
    public async Task<JsonSchema> GetResponseSchemaAsync(string operationId, int status, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(operationId);

        var operation = FindOperation(operationId);
        var response = operation.SelectToken($"responses['{status}']") as JObject
            ?? throw new KeyNotFoundException($"The contract documents no {status} response for {operationId}.");
        response = ResolveResponse(response);
        var schema = response.SelectToken("content['application/json'].schema") as JObject
            ?? throw new KeyNotFoundException($"The contract documents no application/json body for {operationId} {status}.");

        var root = (JObject)ConvertSchema(schema.DeepClone(), isSchemaMap: false);
        root["definitions"] = _definitions.DeepClone();
        return await JsonSchema.FromJsonAsync(root.ToString(), cancellationToken);
    }

    /// <summary>Returns the values of a string enum among the contract's component schemas.</summary>
    public IReadOnlyList<string> GetEnumValues(string schemaName) =>
        (_contract.SelectToken($"components.schemas.{schemaName}.enum") as JArray)?.Values<string>().OfType<string>().ToList() ?? [];

    private JObject FindOperation(string operationId)
    {
        foreach (var path in ((JObject)_contract["paths"]!).Properties())
        {
            if (path.Value is not JObject methods)
            {
                continue;
            }

            foreach (var method in methods.Properties())
            {
                if (method.Value is JObject operation && (string?)operation["operationId"] == operationId)
                {
                    return operation;
                }
            }
        }

        throw new KeyNotFoundException($"The contract has no operation with the operationId '{operationId}'.");
    }

    private JObject ResolveResponse(JObject response)
    {
        if ((string?)response["$ref"] is not { } reference)
        {
            return response;
        }

        if (!reference.StartsWith(ComponentResponsePrefix, StringComparison.Ordinal))
        {
            throw new KeyNotFoundException($"The response reference '{reference}' does not point into #/components/responses.");
        }

        var name = reference[ComponentResponsePrefix.Length..];
        return _contract.SelectToken("components.responses")?[name] as JObject
            ?? throw new KeyNotFoundException($"The contract has no response component '{name}'.");
    }

    /// <summary>Converts one OpenAPI schema, or with <paramref name="isSchemaMap"/> a map of named schemas, in place.</summary>
    private JToken ConvertSchema(JToken token, bool isSchemaMap)
    {
        if (isSchemaMap)
        {
            foreach (var property in ((JObject)token).Properties().ToList())
            {
                property.Value = ConvertSchema(property.Value, isSchemaMap: false);
            }

            return token;
        }

        if (token is not JObject schema)
        {
            return token;
        }

        if ((string?)schema["$ref"] is { } reference && reference.StartsWith(ComponentSchemaPrefix, StringComparison.Ordinal))
        {
            schema["$ref"] = "#/definitions/" + reference[ComponentSchemaPrefix.Length..];
        }

        foreach (var keyword in new[] { "items", "additionalProperties", "not" })
        {
            if (schema[keyword] is JObject child)
            {
                schema[keyword] = ConvertSchema(child, isSchemaMap: false);
            }
        }

        foreach (var keyword in new[] { "allOf", "anyOf", "oneOf" })
        {
            if (schema[keyword] is JArray children)
            {
                schema[keyword] = new JArray(children.Select(child => ConvertSchema(child, isSchemaMap: false)));
            }
        }

        if (schema["properties"] is JObject properties)
        {
            ConvertSchema(properties, isSchemaMap: true);
        }

        if (_strict && IsObjectSchema(schema) && schema["additionalProperties"] is null)
        {
            schema["additionalProperties"] = false;
        }

        return ConvertNullable(schema);
    }

    private static bool IsObjectSchema(JObject schema) =>
        (string?)schema["type"] == "object" || schema["properties"] is not null;

    /// <summary>Rewrites OpenAPI 3.0's <c>nullable: true</c> as JSON Schema: a type list with <c>null</c>, or <c>anyOf</c> beside a reference.</summary>
    private static JObject ConvertNullable(JObject schema)
    {
        var nullable = schema["nullable"] is JValue { Type: JTokenType.Boolean } flag && (bool)flag;
        schema.Remove("nullable");
        if (!nullable)
        {
            return schema;
        }

        if (schema["$ref"] is not null)
        {
            return new JObject { ["anyOf"] = new JArray(schema, new JObject { ["type"] = "null" }) };
        }

        if (schema["type"] is JValue { Type: JTokenType.String } type)
        {
            schema["type"] = new JArray((string)type!, "null");
        }

        if (schema["enum"] is JArray values && !values.Any(value => value.Type == JTokenType.Null))
        {
            values.Add(JValue.CreateNull());
        }

        return schema;
    }
}
