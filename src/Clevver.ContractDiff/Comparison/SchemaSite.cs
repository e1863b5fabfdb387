namespace Clevver.ContractDiff.Comparison;

/// <summary>
/// The place in a contract that a schema comparison has reached: the use site (operation, response or
/// parameter), the property path from the use site's root, and the innermost component schema
/// that <c>$ref</c> led into, if any.
/// </summary>
/// <param name="Location">The use site, for example <c>GET /batches response 200</c>.</param>
/// <param name="Path">The property path from the root of the use site, empty at the root.</param>
/// <param name="RootSubject">The word for the root schema itself, such as <c>body</c> or <c>schema</c>.</param>
/// <param name="Component">The innermost component schema name, or null outside of components.</param>
/// <param name="ComponentPath">The property path from the root of <paramref name="Component"/>.</param>
internal readonly record struct SchemaSite(
    string Location,
    string Path,
    string RootSubject,
    string? Component,
    string ComponentPath)
{
    /// <summary>Gets the subject of a change message, for example <c>property data.progress</c>.</summary>
    public string Subject => Describe(RootSubject, Path);

    /// <summary>Gets the suffix that names the component schema that contains the change.</summary>
    public string ComponentSuffix => Component is null ? "" : $" (components/schemas/{Component})";

    /// <summary>Gets the location of documentation changes: the component when there is one, so shared text is reported once.</summary>
    public string DocumentationLocation => Component is null ? Location : $"components/schemas/{Component}";

    /// <summary>Gets the subject of documentation changes, relative to <see cref="DocumentationLocation"/>.</summary>
    public string DocumentationSubject =>
        Component is null ? Subject : Describe("schema", ComponentPath);

    public SchemaSite Child(string segment) => this with
    {
        Path = Join(Path, segment),
        ComponentPath = Join(ComponentPath, segment),
    };

    public SchemaSite EnterComponent(string name) => this with { Component = name, ComponentPath = "" };

    private static string Describe(string rootSubject, string path) => path switch
    {
        "" => rootSubject,
        ['[' or '{', ..] => rootSubject + path,
        _ => $"property {path}",
    };

    // Array items and map values extend the path without a dot: "tag_list[]", "errors{}".
    private static string Join(string path, string segment) =>
        path.Length == 0 || segment.StartsWith('[') || segment.StartsWith('{') ? path + segment : $"{path}.{segment}";
}
