using Microsoft.OpenApi;

namespace Clevver.ContractDiff.Comparison;

/// <summary>Compares the effective parameters of an operation, matched by location and name.</summary>
internal static class ParameterComparer
{
    public static void Compare(
        string location,
        IReadOnlyList<IOpenApiParameter> baseline,
        IReadOnlyList<IOpenApiParameter> current,
        ChangeLog log)
    {
        var baselineByKey = baseline.ToDictionary(Describe);
        var currentByKey = current.ToDictionary(Describe);

        foreach (var (key, baselineParameter) in baselineByKey)
        {
            if (currentByKey.TryGetValue(key, out var currentParameter))
            {
                CompareParameter($"{location} parameter {key}", baselineParameter, currentParameter, log);
            }
            else
            {
                log.Breaking(location, $"parameter {key} was removed");
            }
        }

        foreach (var (key, added) in currentByKey.Where(entry => !baselineByKey.ContainsKey(entry.Key)))
        {
            // NOTE: with generateOptionalParameters false in nswag.json, a new optional parameter still adds
            // a positional argument to the generated method. It is classified by the wire, where old
            // requests stay valid.
            if (added.Required)
            {
                log.Breaking(location, $"required parameter {key} was added");
            }
            else
            {
                log.NonBreaking(location, $"optional parameter {key} was added");
            }
        }
    }

    private static void CompareParameter(
        string location,
        IOpenApiParameter baseline,
        IOpenApiParameter current,
        ChangeLog log)
    {
        if (!baseline.Required && current.Required)
        {
            log.Breaking(location, "became required");
        }
        else if (baseline.Required && !current.Required)
        {
            log.NonBreaking(location, "is no longer required");
        }

        if (baseline.Deprecated != current.Deprecated)
        {
            log.NonBreaking(location, current.Deprecated ? "became deprecated" : "is no longer deprecated");
        }

        DocumentationComparer.CompareText(location, "description", baseline.Description, current.Description, log);
        DocumentationComparer.CompareExamples(location, baseline.Example, current.Example, baseline.Examples, current.Examples, log);

        // NOTE: a parameter described by "content" in place of "schema" is compared by its schema only.
        var site = new SchemaSite(location, "", "schema", null, "");
        SchemaComparer.Compare(baseline.Schema, current.Schema, site, SchemaDirection.Request, log);
    }

    private static string Describe(IOpenApiParameter parameter) =>
        $"{parameter.In?.ToString().ToLowerInvariant() ?? "unknown"} {parameter.Name}";
}
