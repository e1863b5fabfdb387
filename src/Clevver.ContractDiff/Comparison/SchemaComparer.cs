using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Clevver.ContractDiff.Comparison;

/// <summary>
/// Compares two schemas at one use site, following <c>$ref</c> into component schemas, and classifies
/// each difference for the side of the wire that <see cref="SchemaDirection"/> names.
/// </summary>
internal sealed class SchemaComparer
{
    private readonly ChangeLog _log;
    private readonly SchemaDirection _direction;

    // Pairs of component names on the current descent, so a recursive schema stops at its second visit.
    private readonly HashSet<(string? Baseline, string? Current)> _activeReferences = [];

    private SchemaComparer(ChangeLog log, SchemaDirection direction)
    {
        _log = log;
        _direction = direction;
    }

    public static void Compare(
        IOpenApiSchema? baseline,
        IOpenApiSchema? current,
        SchemaSite site,
        SchemaDirection direction,
        ChangeLog log)
    {
        if (baseline is null && current is null)
        {
            return;
        }

        if (baseline is null || current is null)
        {
            log.Breaking(site.Location, $"{site.Subject} {(baseline is null ? "gained" : "lost")} its schema");
            return;
        }

        new SchemaComparer(log, direction).CompareSchemas(baseline, current, site);
    }

    private void CompareSchemas(IOpenApiSchema baseline, IOpenApiSchema current, SchemaSite site)
    {
        var baselineReference = (baseline as OpenApiSchemaReference)?.Reference.Id;
        var currentReference = (current as OpenApiSchemaReference)?.Reference.Id;
        if (currentReference is not null)
        {
            site = site.EnterComponent(currentReference);
        }

        var referencePair = (baselineReference, currentReference);
        var tracksReference = baselineReference is not null || currentReference is not null;
        if (tracksReference && !_activeReferences.Add(referencePair))
        {
            return;
        }

        CompareType(baseline, current, site);
        CompareNullability(baseline, current, site);
        CompareEnum(baseline, current, site);
        CompareConstraints(baseline, current, site);
        CompareDocumentation(baseline, current, site);
        CompareProperties(baseline, current, site);
        CompareRequired(baseline, current, site);
        CompareComposition(baseline, current, site);

        CompareChild(baseline.Items, current.Items, site.Child("[]"), "array items");
        CompareChild(
            baseline.AdditionalProperties,
            current.AdditionalProperties,
            site.Child("{}"),
            "map values");

        if (tracksReference)
        {
            _activeReferences.Remove(referencePair);
        }
    }

    private void CompareChild(IOpenApiSchema? baseline, IOpenApiSchema? current, SchemaSite site, string role)
    {
        if (baseline is not null && current is not null)
        {
            CompareSchemas(baseline, current, site);
        }
        else if (baseline is not null || current is not null)
        {
            // The generated type changes between a collection or dictionary and a plain value.
            _log.Breaking(
                site.Location,
                $"{site.Subject} {(baseline is null ? "gained" : "lost")} its {role} schema{site.ComponentSuffix}");
        }
    }

    private void CompareType(IOpenApiSchema baseline, IOpenApiSchema current, SchemaSite site)
    {
        // Any change of type or format changes the generated C# type, for example string to Guid for
        // format uuid, or double to string, so it breaks both callers and deserialization.
        var baselineType = SchemaFormatting.DescribeType(baseline.Type);
        var currentType = SchemaFormatting.DescribeType(current.Type);
        if (baselineType != currentType)
        {
            _log.Breaking(
                site.Location,
                $"{site.Subject} changed type from {baselineType} to {currentType}{site.ComponentSuffix}");
        }

        if (!string.Equals(baseline.Format, current.Format, StringComparison.Ordinal))
        {
            _log.Breaking(
                site.Location,
                $"{site.Subject} changed format from {SchemaFormatting.DescribeFormat(baseline.Format)} " +
                $"to {SchemaFormatting.DescribeFormat(current.Format)}{site.ComponentSuffix}");
        }
    }

    private void CompareNullability(IOpenApiSchema baseline, IOpenApiSchema current, SchemaSite site)
    {
        // Microsoft.OpenApi reads OpenAPI 3.0 "nullable: true" as the Null flag of the schema type.
        var wasNullable = SchemaFormatting.IsNullable(baseline.Type);
        var isNullable = SchemaFormatting.IsNullable(current.Type);
        if (wasNullable == isNullable)
        {
            return;
        }

        if (_direction == SchemaDirection.Response)
        {
            if (isNullable)
            {
                _log.Breaking(site.Location, $"{site.Subject} became nullable{site.ComponentSuffix}");
            }
            else
            {
                _log.NonBreaking(site.Location, $"{site.Subject} is no longer nullable{site.ComponentSuffix}");
            }

            return;
        }

        if (wasNullable)
        {
            _log.Breaking(site.Location, $"{site.Subject} no longer accepts null{site.ComponentSuffix}");
        }
        else
        {
            _log.NonBreaking(site.Location, $"{site.Subject} now accepts null{site.ComponentSuffix}");
        }
    }

    private void CompareEnum(IOpenApiSchema baseline, IOpenApiSchema current, SchemaSite site)
    {
        var baselineValues = SchemaFormatting.EnumValues(baseline);
        var currentValues = SchemaFormatting.EnumValues(current);
        if (baselineValues.Count == 0 && currentValues.Count == 0)
        {
            return;
        }

        // NSwag generates a C# enum for a schema with "enum", so gaining or losing the list changes the type.
        if (baselineValues.Count == 0 || currentValues.Count == 0)
        {
            var change = baselineValues.Count == 0 ? "became an enum" : "is no longer an enum";
            _log.Breaking(site.Location, $"{site.Subject} {change}{site.ComponentSuffix}");
            return;
        }

        foreach (var removed in baselineValues.Except(currentValues))
        {
            var message = $"{site.Subject} lost enum value {removed}{site.ComponentSuffix}";
            AddByDirection(site.Location, message, breaksRequest: true, breaksResponse: false);
        }

        foreach (var added in currentValues.Except(baselineValues))
        {
            var message = $"{site.Subject} gained enum value {added}{site.ComponentSuffix}";
            AddByDirection(site.Location, message, breaksRequest: false, breaksResponse: true);
        }
    }

    private void CompareConstraints(IOpenApiSchema baseline, IOpenApiSchema current, SchemaSite site)
    {
        // A tighter constraint on a request makes the server reject values it accepted before. The
        // generated client does not validate responses, so constraints on a response never break it.
        if (!string.Equals(baseline.Pattern, current.Pattern, StringComparison.Ordinal))
        {
            var message =
                $"{site.Subject} changed pattern from {SchemaFormatting.Quote(baseline.Pattern)} " +
                $"to {SchemaFormatting.Quote(current.Pattern)}{site.ComponentSuffix}";
            AddByDirection(site.Location, message, breaksRequest: current.Pattern is not null, breaksResponse: false);
        }

        CompareBound("minimum", ParseNumber(baseline.Minimum), ParseNumber(current.Minimum), isLowerBound: true, site);
        CompareBound("maximum", ParseNumber(baseline.Maximum), ParseNumber(current.Maximum), isLowerBound: false, site);
        CompareBound("minLength", baseline.MinLength, current.MinLength, isLowerBound: true, site);
        CompareBound("maxLength", baseline.MaxLength, current.MaxLength, isLowerBound: false, site);
        CompareBound("minItems", baseline.MinItems, current.MinItems, isLowerBound: true, site);
        CompareBound("maxItems", baseline.MaxItems, current.MaxItems, isLowerBound: false, site);
    }

    private void CompareBound(string keyword, decimal? baseline, decimal? current, bool isLowerBound, SchemaSite site)
    {
        if (baseline == current)
        {
            return;
        }

        var tightened = (baseline, current) switch
        {
            (null, _) => true,
            (_, null) => false,
            ({ } before, { } after) => isLowerBound ? after > before : after < before,
        };
        var message =
            $"{site.Subject} changed {keyword} from {SchemaFormatting.DescribeBound(baseline)} " +
            $"to {SchemaFormatting.DescribeBound(current)}{site.ComponentSuffix}";
        AddByDirection(site.Location, message, breaksRequest: tightened, breaksResponse: false);
    }

    private void CompareDocumentation(IOpenApiSchema baseline, IOpenApiSchema current, SchemaSite site)
    {
        var location = site.DocumentationLocation;
        var subject = site.DocumentationSubject;
        if (!string.Equals(baseline.Description, current.Description, StringComparison.Ordinal))
        {
            _log.NonBreaking(location, $"{subject} changed its description");
        }

        if (!string.Equals(baseline.Title, current.Title, StringComparison.Ordinal))
        {
            _log.NonBreaking(location, $"{subject} changed its title");
        }

        var examplesEqual = ExamplesEqual(baseline.Examples, current.Examples)
            && JsonNode.DeepEquals(SingleExample(baseline), SingleExample(current));
        if (!examplesEqual)
        {
            _log.NonBreaking(location, $"{subject} changed its example");
        }

        if (baseline.Deprecated != current.Deprecated)
        {
            _log.NonBreaking(location, $"{subject} {(current.Deprecated ? "became" : "is no longer")} deprecated");
        }
    }

    private void CompareProperties(IOpenApiSchema baseline, IOpenApiSchema current, SchemaSite site)
    {
        var baselineProperties = baseline.Properties ?? new Dictionary<string, IOpenApiSchema>();
        var currentProperties = current.Properties ?? new Dictionary<string, IOpenApiSchema>();

        foreach (var (name, baselineProperty) in baselineProperties)
        {
            var child = site.Child(name);
            if (currentProperties.TryGetValue(name, out var currentProperty))
            {
                CompareSchemas(baselineProperty, currentProperty, child);
                continue;
            }

            // Either way the generated model loses the property: callers that set it or read it stop compiling.
            _log.Breaking(site.Location, $"{child.Subject} was removed{site.ComponentSuffix}");
        }

        foreach (var name in currentProperties.Keys.Except(baselineProperties.Keys))
        {
            var child = site.Child(name);
            var isRequired = current.Required?.Contains(name) == true;
            if (_direction == SchemaDirection.Request && isRequired)
            {
                _log.Breaking(site.Location, $"required {child.Subject} was added{site.ComponentSuffix}");
            }
            else
            {
                var qualifier = _direction == SchemaDirection.Request ? "optional " : "";
                _log.NonBreaking(site.Location, $"{qualifier}{child.Subject} was added{site.ComponentSuffix}");
            }
        }
    }

    private void CompareRequired(IOpenApiSchema baseline, IOpenApiSchema current, SchemaSite site)
    {
        var baselineRequired = baseline.Required ?? new HashSet<string>();
        var currentRequired = current.Required ?? new HashSet<string>();
        var currentProperties = current.Properties ?? new Dictionary<string, IOpenApiSchema>();
        var baselineProperties = baseline.Properties ?? new Dictionary<string, IOpenApiSchema>();

        // A property that left "properties" is already reported as removed.
        foreach (var name in baselineRequired.Except(currentRequired).Where(currentProperties.ContainsKey))
        {
            var message = $"{site.Child(name).Subject} is no longer required{site.ComponentSuffix}";
            AddByDirection(site.Location, message, breaksRequest: false, breaksResponse: true);
        }

        // A property new to "properties" is already reported as a required or optional addition.
        foreach (var name in currentRequired.Except(baselineRequired).Where(baselineProperties.ContainsKey))
        {
            var message = $"{site.Child(name).Subject} became required{site.ComponentSuffix}";
            AddByDirection(site.Location, message, breaksRequest: true, breaksResponse: false);
        }
    }

    private void CompareComposition(IOpenApiSchema baseline, IOpenApiSchema current, SchemaSite site)
    {
        CompareSchemaList("allOf", baseline.AllOf, current.AllOf, site);
        CompareSchemaList("oneOf", baseline.OneOf, current.OneOf, site);
        CompareSchemaList("anyOf", baseline.AnyOf, current.AnyOf, site);
    }

    private void CompareSchemaList(
        string keyword,
        IList<IOpenApiSchema>? baseline,
        IList<IOpenApiSchema>? current,
        SchemaSite site)
    {
        var baselineCount = baseline?.Count ?? 0;
        var currentCount = current?.Count ?? 0;
        if (baselineCount != currentCount)
        {
            // NOTE: subschemas are matched by position only, so a reordered allOf, oneOf or anyOf list
            // shows up as changes inside each position.
            _log.Breaking(
                site.Location,
                $"{site.Subject} changed {keyword} from {baselineCount} to {currentCount} schemas{site.ComponentSuffix}");
        }

        for (var index = 0; index < Math.Min(baselineCount, currentCount); index++)
        {
            CompareSchemas(baseline![index], current![index], site);
        }
    }

    private void AddByDirection(string location, string description, bool breaksRequest, bool breaksResponse)
    {
        var isBreaking = _direction == SchemaDirection.Request ? breaksRequest : breaksResponse;
        _log.Add(new ContractChange(isBreaking ? ChangeKind.Breaking : ChangeKind.NonBreaking, location, description));
    }

    // Microsoft.OpenApi 3.x stores the OpenAPI 3.0 keyword "example" in Example, which it marks obsolete
    // in favour of the OpenAPI 3.1 list "examples". A 3.0 contract fills only the old property.
#pragma warning disable CS0618
    private static JsonNode? SingleExample(IOpenApiSchema schema) => schema.Example;
#pragma warning restore CS0618

    private static bool ExamplesEqual(IList<JsonNode>? baseline, IList<JsonNode>? current)
    {
        baseline ??= [];
        current ??= [];
        return baseline.Count == current.Count
            && baseline.Zip(current).All(pair => JsonNode.DeepEquals(pair.First, pair.Second));
    }

    private static decimal? ParseNumber(string? value) =>
        decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;
}
