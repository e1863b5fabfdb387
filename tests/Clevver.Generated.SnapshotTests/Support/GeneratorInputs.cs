using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Clevver.Generated.SnapshotTests.Support;

/// <summary>
/// The record of what NSwag generated the client from: the contract's version, the NSwag version,
/// and the SHA-256 of each input and of the output. It is committed as api/generator-inputs.json.
/// </summary>
internal static class GeneratorInputs
{
    public const string RecordPath = "api/generator-inputs.json";
    public const string ContractPath = "api/clevver.openapi.yaml";
    public const string ConfigPath = "nswag.json";
    public const string TemplateFolder = "api/templates";
    public const string OutputPath = "src/Clevver.Generated/Generated/ClevverClient.g.cs";
    public const string UpdateVariable = "CLEVVER_UPDATE_GENERATOR_RECORD";

    /// <summary>Computes the record from the working tree, as the text that the committed file must contain.</summary>
    public static string Compute()
    {
        var inputs = new JsonObject
        {
            [ContractPath] = Sha256Of(ContractPath),
            [ConfigPath] = Sha256Of(ConfigPath),
        };
        foreach (var template in TemplatePaths())
        {
            inputs[template] = Sha256Of(template);
        }

        var record = new JsonObject
        {
            ["contractVersion"] = ContractVersion.Read(File.ReadAllText(RepositoryPaths.Combine(ContractPath))),
            ["nswagVersion"] = NSwagVersion(),
            ["sha256"] = new JsonObject
            {
                ["inputs"] = inputs,
                ["output"] = new JsonObject { [OutputPath] = Sha256Of(OutputPath) },
            },
        };

        return record.ToJsonString(new JsonSerializerOptions { WriteIndented = true }).Replace("\r\n", "\n") + "\n";
    }

    /// <summary>Flattens a record into "path → value" pairs, so that a difference can be named.</summary>
    public static IReadOnlyDictionary<string, string> Flatten(string recordText)
    {
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        Flatten(JsonNode.Parse(recordText), "", values);
        return values;
    }

    private static void Flatten(JsonNode? node, string prefix, IDictionary<string, string> values)
    {
        if (node is JsonObject obj)
        {
            foreach (var (key, child) in obj)
            {
                Flatten(child, prefix.Length == 0 ? key : $"{prefix} / {key}", values);
            }

            return;
        }

        values[prefix] = node?.ToString() ?? "null";
    }

    private static IEnumerable<string> TemplatePaths() =>
        Directory.GetFiles(RepositoryPaths.Combine(TemplateFolder))
            .Select(path => $"{TemplateFolder}/{Path.GetFileName(path)}")
            .Order(StringComparer.Ordinal);

    // Line endings are normalized to LF first, so that a checkout that converts them to CRLF
    // computes the same hashes.
    private static string Sha256Of(string relativePath)
    {
        var text = File.ReadAllText(RepositoryPaths.Combine(relativePath)).Replace("\r\n", "\n");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private static string NSwagVersion()
    {
        var props = XDocument.Load(RepositoryPaths.Combine("Directory.Packages.props"));
        var version = props.Descendants("PackageVersion")
            .FirstOrDefault(element => (string?)element.Attribute("Include") == "NSwag.MSBuild")
            ?.Attribute("Version")?.Value;
        return version ?? throw new InvalidOperationException("Directory.Packages.props has no PackageVersion for NSwag.MSBuild.");
    }
}
