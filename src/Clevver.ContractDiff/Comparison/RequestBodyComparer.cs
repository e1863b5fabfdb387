using Microsoft.OpenApi;

namespace Clevver.ContractDiff.Comparison;

/// <summary>Compares the request bodies of an operation, the schemas in the direction the client writes.</summary>
internal static class RequestBodyComparer
{
    public static void Compare(string operation, IOpenApiRequestBody? baseline, IOpenApiRequestBody? current, ChangeLog log)
    {
        var location = $"{operation} request body";
        if (baseline is null && current is null)
        {
            return;
        }

        if (baseline is null)
        {
            if (current!.Required)
            {
                log.Breaking(location, "a required request body was added");
            }
            else
            {
                log.NonBreaking(location, "an optional request body was added");
            }

            return;
        }

        if (current is null)
        {
            log.Breaking(location, "the request body was removed");
            return;
        }

        if (!baseline.Required && current.Required)
        {
            log.Breaking(location, "became required");
        }
        else if (baseline.Required && !current.Required)
        {
            log.NonBreaking(location, "is no longer required");
        }

        DocumentationComparer.CompareText(location, "description", baseline.Description, current.Description, log);
        ContentComparer.Compare(location, baseline.Content, current.Content, SchemaDirection.Request, log);
    }
}
