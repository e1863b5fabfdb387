using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Clevver.ContractDiff.Comparison;

/// <summary>Reports changes to descriptions and examples, which never change a generated client's behaviour.</summary>
internal static class DocumentationComparer
{
    public static void CompareText(string location, string field, string? baseline, string? current, ChangeLog log)
    {
        if (string.Equals(baseline, current, StringComparison.Ordinal))
        {
            return;
        }

        var change = (baseline, current) switch
        {
            (null, _) => "was added",
            (_, null) => "was removed",
            _ => "changed",
        };
        log.NonBreaking(location, $"{field} {change}");
    }

    public static void CompareExamples(
        string location,
        JsonNode? baselineExample,
        JsonNode? currentExample,
        IDictionary<string, IOpenApiExample>? baselineExamples,
        IDictionary<string, IOpenApiExample>? currentExamples,
        ChangeLog log)
    {
        if (!JsonNode.DeepEquals(baselineExample, currentExample))
        {
            log.NonBreaking(location, "example changed");
        }

        baselineExamples ??= new Dictionary<string, IOpenApiExample>();
        currentExamples ??= new Dictionary<string, IOpenApiExample>();
        foreach (var (name, baselineNamed) in baselineExamples)
        {
            if (!currentExamples.TryGetValue(name, out var currentNamed))
            {
                log.NonBreaking(location, $"example {name} was removed");
            }
            else if (!JsonNode.DeepEquals(baselineNamed.Value, currentNamed.Value)
                || baselineNamed.Summary != currentNamed.Summary
                || baselineNamed.Description != currentNamed.Description)
            {
                log.NonBreaking(location, $"example {name} changed");
            }
        }

        foreach (var name in currentExamples.Keys.Except(baselineExamples.Keys))
        {
            log.NonBreaking(location, $"example {name} was added");
        }
    }
}
