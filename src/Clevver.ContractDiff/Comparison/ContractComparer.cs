using System.Text.RegularExpressions;
using Microsoft.OpenApi;

namespace Clevver.ContractDiff.Comparison;

/// <summary>
/// Compares a baseline OpenAPI document with a current one and classifies each difference as breaking
/// or non-breaking for a client generated from the baseline.
/// </summary>
/// <remarks>
/// Schemas are compared where operations use them, with <c>$ref</c> resolved: a change inside a
/// shared component schema is reported at each request or response that reaches it, with the
/// component named in brackets. Description and example changes inside a component are reported
/// once, at the component.
/// </remarks>
public static partial class ContractComparer
{
    /// <summary>Compares two documents.</summary>
    /// <param name="baseline">The last released contract.</param>
    /// <param name="current">The contract as it is now.</param>
    /// <returns>The versions of both documents and every difference found, in document order.</returns>
    /// <exception cref="ArgumentNullException">A document is null.</exception>
    public static ContractComparison Compare(OpenApiDocument baseline, OpenApiDocument current)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);

        var log = new ChangeLog();
        CompareInfo(baseline, current, log);
        CompareServers(baseline.Servers, current.Servers, log);
        ComparePaths(baseline, current, log);
        SecurityComparer.CompareSchemes(
            baseline.Components?.SecuritySchemes,
            current.Components?.SecuritySchemes,
            log);

        // NOTE: a component schema that no operation reaches is not compared. NSwag may still generate a
        // class for it, so a change there can break code that uses that class directly.
        return new ContractComparison(baseline.Info?.Version, current.Info?.Version, log.Changes);
    }

    private static void CompareInfo(OpenApiDocument baseline, OpenApiDocument current, ChangeLog log)
    {
        var baselineVersion = baseline.Info?.Version;
        var currentVersion = current.Info?.Version;
        if (!string.Equals(baselineVersion, currentVersion, StringComparison.Ordinal))
        {
            log.NonBreaking("info.version", $"changed from {baselineVersion ?? "none"} to {currentVersion ?? "none"}");
        }

        DocumentationComparer.CompareText("info", "title", baseline.Info?.Title, current.Info?.Title, log);
        DocumentationComparer.CompareText("info", "description", baseline.Info?.Description, current.Info?.Description, log);
    }

    private static void CompareServers(IList<OpenApiServer>? baseline, IList<OpenApiServer>? current, ChangeLog log)
    {
        // The generated client takes its base address from the HttpClient it is given (nswag.json sets
        // useBaseUrl to false), so the server list is documentation for it.
        var baselineUrls = (baseline ?? []).Select(server => server.Url ?? "").ToList();
        var currentUrls = (current ?? []).Select(server => server.Url ?? "").ToList();
        foreach (var url in baselineUrls.Except(currentUrls))
        {
            log.NonBreaking("servers", $"server {url} was removed");
        }

        foreach (var url in currentUrls.Except(baselineUrls))
        {
            log.NonBreaking("servers", $"server {url} was added");
        }
    }

    private static void ComparePaths(OpenApiDocument baseline, OpenApiDocument current, ChangeLog log)
    {
        // Paths that differ only in the names of their template parameters are the same endpoint
        // (OpenAPI 3.0.3, Paths Object), so match on the template with the names blanked.
        var baselinePaths = (baseline.Paths ?? []).ToDictionary(entry => PathShape(entry.Key));
        var currentPaths = (current.Paths ?? []).ToDictionary(entry => PathShape(entry.Key));

        foreach (var (shape, (baselinePath, baselineItem)) in baselinePaths)
        {
            if (!currentPaths.TryGetValue(shape, out var currentEntry))
            {
                var methods = string.Join(", ", (baselineItem.Operations ?? []).Keys.Select(method => method.Method));
                log.Breaking(baselinePath, $"path was removed, with its operations {methods}");
                continue;
            }

            CompareOperations(
                (baselinePath, baselineItem),
                (currentEntry.Key, currentEntry.Value),
                baseline,
                current,
                log);
        }

        foreach (var (shape, (currentPath, _)) in currentPaths)
        {
            if (!baselinePaths.ContainsKey(shape))
            {
                log.NonBreaking(currentPath, "path was added");
            }
        }
    }

    private static void CompareOperations(
        (string Path, IOpenApiPathItem Item) baselinePath,
        (string Path, IOpenApiPathItem Item) currentPath,
        OpenApiDocument baseline,
        OpenApiDocument current,
        ChangeLog log)
    {
        var baselineOperations = baselinePath.Item.Operations ?? [];
        var currentOperations = currentPath.Item.Operations ?? [];

        foreach (var (method, baselineOperation) in baselineOperations)
        {
            var location = $"{method.Method.ToUpperInvariant()} {currentPath.Path}";
            if (!currentOperations.TryGetValue(method, out var currentOperation))
            {
                log.Breaking(location, "operation was removed");
                continue;
            }

            OperationComparer.Compare(
                OperationSite.Create(method, baselinePath.Path, baselinePath.Item, baselineOperation, baseline),
                OperationSite.Create(method, currentPath.Path, currentPath.Item, currentOperation, current),
                log);
        }

        foreach (var method in currentOperations.Keys.Except(baselineOperations.Keys))
        {
            log.NonBreaking($"{method.Method.ToUpperInvariant()} {currentPath.Path}", "operation was added");
        }
    }

    private static string PathShape(string path) => TemplateParameter().Replace(path, "{}");

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex TemplateParameter();
}
