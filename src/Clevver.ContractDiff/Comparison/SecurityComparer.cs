using Microsoft.OpenApi;

namespace Clevver.ContractDiff.Comparison;

/// <summary>Compares security schemes and the security requirements that each operation ends up with.</summary>
internal static class SecurityComparer
{
    public static void CompareSchemes(
        IDictionary<string, IOpenApiSecurityScheme>? baseline,
        IDictionary<string, IOpenApiSecurityScheme>? current,
        ChangeLog log)
    {
        baseline ??= new Dictionary<string, IOpenApiSecurityScheme>();
        current ??= new Dictionary<string, IOpenApiSecurityScheme>();

        foreach (var (name, baselineScheme) in baseline)
        {
            var location = $"components/securitySchemes/{name}";
            if (!current.TryGetValue(name, out var currentScheme))
            {
                log.Breaking(location, "security scheme was removed");
                continue;
            }

            var before = DescribeScheme(baselineScheme);
            var after = DescribeScheme(currentScheme);
            if (before != after)
            {
                // Clients send credentials as the baseline scheme defines, so any change to how they are sent breaks them.
                log.Breaking(location, $"security scheme changed from {before} to {after}");
            }

            DocumentationComparer.CompareText(location, "description", baselineScheme.Description, currentScheme.Description, log);
        }

        foreach (var name in current.Keys.Except(baseline.Keys))
        {
            // A scheme that no requirement names does not affect clients. A new requirement is reported per operation.
            log.NonBreaking($"components/securitySchemes/{name}", "security scheme was added");
        }
    }

    /// <summary>
    /// Compares the alternatives an operation accepts. OpenAPI 3.0.3, Security Requirement Object: a
    /// client satisfies any one requirement of the list, and all the schemes inside that requirement.
    /// </summary>
    public static void CompareRequirements(
        string location,
        IList<OpenApiSecurityRequirement> baseline,
        IList<OpenApiSecurityRequirement> current,
        ChangeLog log)
    {
        var baselineAlternatives = baseline.Select(DescribeRequirement).Where(text => text.Length > 0).ToHashSet();
        var currentAlternatives = current.Select(DescribeRequirement).Where(text => text.Length > 0).ToHashSet();

        // An empty requirement "{}" makes authentication optional, like having no requirement at all.
        var baselineIsOptional = baseline.Count == 0 || baseline.Any(requirement => requirement.Count == 0);
        var currentIsOptional = current.Count == 0 || current.Any(requirement => requirement.Count == 0);

        if (baselineIsOptional && !currentIsOptional)
        {
            log.Breaking(location, $"now requires security {string.Join(" or ", currentAlternatives)}");
            return;
        }

        if (!baselineIsOptional && currentIsOptional)
        {
            log.NonBreaking(location, "no longer requires security");
        }

        if (currentIsOptional)
        {
            return;
        }

        var removed = baselineAlternatives.Except(currentAlternatives).ToList();
        foreach (var alternative in removed)
        {
            // A client that authenticates with the removed alternative is rejected from now on.
            log.Breaking(location, $"security requirement {alternative} was removed");
        }

        foreach (var alternative in currentAlternatives.Except(baselineAlternatives))
        {
            // A new alternative breaks no client while every old alternative is still accepted.
            if (removed.Count > 0)
            {
                log.Breaking(location, $"security requirement {alternative} was added");
            }
            else
            {
                log.NonBreaking(location, $"security alternative {alternative} was added");
            }
        }
    }

    private static string DescribeRequirement(OpenApiSecurityRequirement requirement)
    {
        var schemes = requirement
            .Select(entry => entry.Value.Count == 0
                ? entry.Key.Reference.Id
                : $"{entry.Key.Reference.Id} (scopes {string.Join(", ", entry.Value.Order(StringComparer.Ordinal))})")
            .Order(StringComparer.Ordinal);
        return requirement.Count == 0 ? "" : "{" + string.Join(" and ", schemes) + "}";
    }

    private static string DescribeScheme(IOpenApiSecurityScheme scheme)
    {
        var parts = new List<string> { scheme.Type?.ToString().ToLowerInvariant() ?? "unknown type" };
        if (scheme.Scheme is not null)
        {
            parts.Add($"scheme {scheme.Scheme}");
        }

        if (scheme.BearerFormat is not null)
        {
            parts.Add($"bearerFormat {scheme.BearerFormat}");
        }

        if (scheme.In is not null)
        {
            parts.Add($"in {scheme.In.ToString()!.ToLowerInvariant()}");
        }

        if (scheme.Name is not null)
        {
            parts.Add($"name {scheme.Name}");
        }

        if (scheme.OpenIdConnectUrl is not null)
        {
            parts.Add($"openIdConnectUrl {scheme.OpenIdConnectUrl}");
        }

        // NOTE: OAuth2 flows are compared by presence only, not by their URLs or scopes.
        if (scheme.Flows is not null)
        {
            parts.Add("oauth2 flows");
        }

        return string.Join(", ", parts);
    }
}
