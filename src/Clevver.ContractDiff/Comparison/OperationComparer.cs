using Microsoft.OpenApi;

namespace Clevver.ContractDiff.Comparison;

/// <summary>Compares one operation that exists in both contracts: its parameters, request body and responses.</summary>
internal static class OperationComparer
{
    public static void Compare(
        OperationSite baseline,
        OperationSite current,
        ChangeLog log)
    {
        var location = current.Location;
        var baselineOperation = baseline.Operation;
        var currentOperation = current.Operation;

        // NSwag names the generated client class and method after the operationId
        // ("Batches_Get" becomes BatchesClient.GetAsync), so a new id renames the method.
        if (!string.Equals(baselineOperation.OperationId, currentOperation.OperationId, StringComparison.Ordinal))
        {
            log.Breaking(
                location,
                $"operationId changed from {baselineOperation.OperationId ?? "none"} to " +
                $"{currentOperation.OperationId ?? "none"}, which renames the generated method");
        }

        DocumentationComparer.CompareText(location, "summary", baselineOperation.Summary, currentOperation.Summary, log);
        DocumentationComparer.CompareText(
            location,
            "description",
            baselineOperation.Description,
            currentOperation.Description,
            log);
        if (baselineOperation.Deprecated != currentOperation.Deprecated)
        {
            log.NonBreaking(location, currentOperation.Deprecated ? "became deprecated" : "is no longer deprecated");
        }

        ParameterComparer.Compare(location, baseline.Parameters, current.Parameters, log);
        RequestBodyComparer.Compare(location, baselineOperation.RequestBody, currentOperation.RequestBody, log);
        ResponseComparer.Compare(location, baselineOperation.Responses, currentOperation.Responses, log);
        SecurityComparer.CompareRequirements(location, baseline.Security, current.Security, log);
    }
}

/// <summary>
/// An operation together with what it inherits: the parameters of its path item and the security
/// requirements of the document.
/// </summary>
/// <param name="Location">The method and path, for example <c>GET /batches/{batchId}</c>.</param>
/// <param name="Operation">The operation.</param>
/// <param name="Parameters">The effective parameters, where the operation's own replace the path item's of the same name and location.</param>
/// <param name="Security">The effective security requirements: the operation's own if it sets any, else the document's.</param>
internal sealed record OperationSite(
    string Location,
    OpenApiOperation Operation,
    IReadOnlyList<IOpenApiParameter> Parameters,
    IList<OpenApiSecurityRequirement> Security)
{
    public static OperationSite Create(
        HttpMethod method,
        string path,
        IOpenApiPathItem pathItem,
        OpenApiOperation operation,
        OpenApiDocument document)
    {
        // OpenAPI 3.0.3, Operation Object: an operation parameter overrides a path-level parameter
        // with the same name and location.
        var parameters = new List<IOpenApiParameter>(operation.Parameters ?? []);
        foreach (var inherited in pathItem.Parameters ?? [])
        {
            if (!parameters.Any(own => own.Name == inherited.Name && own.In == inherited.In))
            {
                parameters.Add(inherited);
            }
        }

        var security = operation.Security ?? document.Security ?? [];
        return new OperationSite($"{method.Method.ToUpperInvariant()} {path}", operation, parameters, security);
    }
}
