using Microsoft.OpenApi;

namespace Clevver.ContractDiff.Comparison;

/// <summary>Compares the media types of a request or response body and the schema of each.</summary>
internal static class ContentComparer
{
    public static void Compare(
        string location,
        IDictionary<string, IOpenApiMediaType>? baseline,
        IDictionary<string, IOpenApiMediaType>? current,
        SchemaDirection direction,
        ChangeLog log)
    {
        baseline ??= new Dictionary<string, IOpenApiMediaType>();
        current ??= new Dictionary<string, IOpenApiMediaType>();

        // Name the media type in each line only where a body has more than one, to keep the common case short.
        var namesMediaType = baseline.Count > 1 || current.Count > 1;

        foreach (var (mediaType, baselineContent) in baseline)
        {
            if (!current.TryGetValue(mediaType, out var currentContent))
            {
                // The generated client sends, or expects to read, exactly the media types it was generated for.
                log.Breaking(location, $"media type {mediaType} was removed");
                continue;
            }

            var contentLocation = namesMediaType ? $"{location} ({mediaType})" : location;
            var site = new SchemaSite(contentLocation, "", "body", null, "");
            SchemaComparer.Compare(baselineContent.Schema, currentContent.Schema, site, direction, log);
            DocumentationComparer.CompareExamples(
                contentLocation,
                baselineContent.Example,
                currentContent.Example,
                baselineContent.Examples,
                currentContent.Examples,
                log);
        }

        foreach (var mediaType in current.Keys.Except(baseline.Keys))
        {
            log.NonBreaking(location, $"media type {mediaType} was added");
        }
    }
}
