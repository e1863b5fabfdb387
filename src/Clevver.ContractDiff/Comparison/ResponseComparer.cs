using Microsoft.OpenApi;

namespace Clevver.ContractDiff.Comparison;

/// <summary>Compares the responses of an operation, matched by status code, in the direction the client reads.</summary>
internal static class ResponseComparer
{
    public static void Compare(string operation, OpenApiResponses? baseline, OpenApiResponses? current, ChangeLog log)
    {
        baseline ??= [];
        current ??= [];

        foreach (var (status, baselineResponse) in baseline)
        {
            if (current.TryGetValue(status, out var currentResponse))
            {
                CompareResponse($"{operation} response {status}", baselineResponse, currentResponse, log);
            }
            else
            {
                log.Breaking(operation, $"response {status} was removed");
            }
        }

        foreach (var status in current.Keys.Except(baseline.Keys))
        {
            log.NonBreaking(operation, $"response {status} was added");
        }
    }

    private static void CompareResponse(string location, IOpenApiResponse baseline, IOpenApiResponse current, ChangeLog log)
    {
        // A response shared through components/responses has one description, so report it there once.
        var descriptionLocation = current is OpenApiResponseReference reference
            ? $"components/responses/{reference.Reference.Id}"
            : location;
        DocumentationComparer.CompareText(
            descriptionLocation,
            "description",
            baseline.Description,
            current.Description,
            log);

        CompareHeaders(location, baseline.Headers, current.Headers, log);
        ContentComparer.Compare(location, baseline.Content, current.Content, SchemaDirection.Response, log);
    }

    private static void CompareHeaders(
        string location,
        IDictionary<string, IOpenApiHeader>? baseline,
        IDictionary<string, IOpenApiHeader>? current,
        ChangeLog log)
    {
        baseline ??= new Dictionary<string, IOpenApiHeader>();
        current ??= new Dictionary<string, IOpenApiHeader>();

        // RFC 9110, section 5.1: header field names are case-insensitive.
        var currentByName = new Dictionary<string, IOpenApiHeader>(current, StringComparer.OrdinalIgnoreCase);
        var baselineNames = new HashSet<string>(baseline.Keys, StringComparer.OrdinalIgnoreCase);

        foreach (var (name, baselineHeader) in baseline)
        {
            if (!currentByName.TryGetValue(name, out var currentHeader))
            {
                log.Breaking(location, $"header {name} was removed");
                continue;
            }

            var headerLocation = $"{location} header {name}";
            DocumentationComparer.CompareText(
                headerLocation,
                "description",
                baselineHeader.Description,
                currentHeader.Description,
                log);
            var site = new SchemaSite(headerLocation, "", "schema", null, "");
            SchemaComparer.Compare(baselineHeader.Schema, currentHeader.Schema, site, SchemaDirection.Response, log);
        }

        foreach (var name in current.Keys.Where(name => !baselineNames.Contains(name)))
        {
            log.NonBreaking(location, $"header {name} was added");
        }
    }
}
