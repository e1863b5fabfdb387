using Clevver.Cli.Drift;
using Clevver.Conformance.Tests.Support;
using Newtonsoft.Json.Linq;

namespace Clevver.Conformance.Tests.Examples;

/// <summary>
/// Validates each documented response body in api/examples against the contract's schema for its
/// operation and status. The schemas are strict: a property that the contract does not name is an
/// error here, although the contract itself allows additional properties.
/// </summary>
public class RecordedResponseTests
{
    private static readonly ContractSchemas s_strictContract = ContractSchemas.Parse(File.ReadAllText(ContractPath), strict: true);

    private static string ContractPath => RepositoryRoot.Combine(Path.Combine("api", "clevver.openapi.yaml"));

    private static string ExamplesDirectory => RepositoryRoot.Combine(Path.Combine("api", "examples"));

    public static TheoryData<string> ExampleFiles() => new(ExampleFileNames());

    private static IEnumerable<string> ExampleFileNames() =>
        Directory.GetFiles(ExamplesDirectory, "*.json").Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public async Task Example_MatchesContract(string fileName)
    {
        var (operationId, status) = ParseName(fileName);
        var schema = await s_strictContract.GetResponseSchemaAsync(operationId, status);
        var body = File.ReadAllText(Path.Combine(ExamplesDirectory, fileName));

        var findings = ResponseValidator.Validate(schema, body, fileName);

        Assert.Empty(findings);
    }

    [Fact]
    public void Examples_CoverEverySuccessResponse()
    {
        string[] expected =
        [
            "batches-create.201.json",
            "batches-get.200.json",
            "batches-list-active.200.json",
            "batches-start.200.json",
            "batches-upload-file.200.json",
        ];

        var actual = ExampleFileNames().ToArray();

        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task ChangedExample_ReportsEachDifference()
    {
        var schema = await s_strictContract.GetResponseSchemaAsync("Batches_Get", 200);
        var body = JObject.Parse(File.ReadAllText(Path.Combine(ExamplesDirectory, "batches-get.200.json")));
        body["data"]!["archived_at"] = "2024-01-01 00:00:00";
        body["data"]!["progress"] = "100";
        body["data"]!["status"] = "archived";
        ((JObject)body["data"]!).Remove("id");

        var findings = ResponseValidator.Validate(schema, body.ToString(), "batches-get.200.json");

        Assert.Contains(findings, f => f is { Kind: DriftKind.UnknownField, Path: "$.data.archived_at" });
        Assert.Contains(findings, f => f is { Kind: DriftKind.TypeDifference, Path: "$.data.progress" });
        Assert.Contains(findings, f => f is { Kind: DriftKind.UnknownEnumValue, Path: "$.data.status" });
        Assert.Contains(findings, f => f is { Kind: DriftKind.MissingField, Path: "$.data.id" });
        Assert.Equal(4, findings.Count);
    }

    [Fact]
    public async Task NestedUnknownField_ReportsItsPath()
    {
        var schema = await s_strictContract.GetResponseSchemaAsync("Batches_UploadFile", 200);
        var body = JObject.Parse(File.ReadAllText(Path.Combine(ExamplesDirectory, "batches-upload-file.200.json")));
        body["data"]!["file"]!["thumb"]!["width"] = 120;
        body["data"]!["file_size"] = 17.5;

        var findings = ResponseValidator.Validate(schema, body.ToString(), "batches-upload-file.200.json");

        Assert.Contains(findings, f => f is { Kind: DriftKind.UnknownField, Path: "$.data.file.thumb.width" });
        Assert.Contains(findings, f => f is { Kind: DriftKind.TypeDifference, Path: "$.data.file_size" });
        Assert.Equal(2, findings.Count);
    }

    [Fact]
    public async Task ListItem_WrongType_ReportsIndexedPath()
    {
        var schema = await s_strictContract.GetResponseSchemaAsync("Batches_ListActive", 200);
        var body = JObject.Parse(File.ReadAllText(Path.Combine(ExamplesDirectory, "batches-list-active.200.json")));
        body["data"]![1]!["progress"] = true;

        var findings = ResponseValidator.Validate(schema, body.ToString(), "batches-list-active.200.json");

        var finding = Assert.Single(findings);
        Assert.Equal(DriftKind.TypeDifference, finding.Kind);
        Assert.Equal("$.data[1].progress", finding.Path);
    }

    [Fact]
    public async Task NullableField_AcceptsNullAndValue()
    {
        var schema = await s_strictContract.GetResponseSchemaAsync("Batches_UploadFile", 200);
        var body = JObject.Parse(File.ReadAllText(Path.Combine(ExamplesDirectory, "batches-upload-file.200.json")));
        body["data"]!["estimated_cost"] = 0.25;
        body["data"]!["file"]!["thumb"] = null;

        var findings = ResponseValidator.Validate(schema, body.ToString(), "batches-upload-file.200.json");

        Assert.Empty(findings);
    }

    [Fact]
    public async Task LenientContract_AcceptsUnknownField()
    {
        var lenient = ContractSchemas.Parse(File.ReadAllText(ContractPath), strict: false);
        var schema = await lenient.GetResponseSchemaAsync("Batches_Get", 200);
        var body = JObject.Parse(File.ReadAllText(Path.Combine(ExamplesDirectory, "batches-get.200.json")));
        body["data"]!["archived_at"] = "2024-01-01 00:00:00";

        var findings = ResponseValidator.Validate(schema, body.ToString(), "batches-get.200.json");

        Assert.Empty(findings);
    }

    [Fact]
    public void EmbeddedContract_EqualsApiFile()
    {
        using var stream = typeof(ContractSchemas).Assembly.GetManifestResourceStream(ContractSchemas.EmbeddedResourceName);
        Assert.NotNull(stream);
        using var reader = new StreamReader(stream);

        var embedded = reader.ReadToEnd();

        Assert.Equal(File.ReadAllText(ContractPath), embedded);
    }

    /// <summary>Maps <c>batches-list-active.200.json</c> to <c>("Batches_ListActive", 200)</c>.</summary>
    private static (string OperationId, int Status) ParseName(string fileName)
    {
        var parts = fileName.Split('.');
        var words = parts[0].Split('-');
        var tag = Capitalize(words[0]);
        var operation = string.Concat(words.Skip(1).Select(Capitalize));
        return ($"{tag}_{operation}", int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string Capitalize(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
