using Clevver.ContractDiff.Comparison;
using Clevver.ContractDiff.Loading;

namespace Clevver.ContractDiff.Tests;

public sealed class ContractComparerTests
{
    [Theory]
    [MemberData(nameof(MutationNames))]
    public void Compare_Mutation_ReportsExpectedClass(string name)
    {
        var mutation = ContractMutations.Find(name);
        var original = ContractText.Read();
        var baselineText = mutation.EditBaseline?.Invoke(original) ?? original;
        var currentText = mutation.EditCurrent(original);

        var comparison = Compare(baselineText, currentText);

        var lines = comparison.Changes.Select(change => $"{change.Kind}: {change}").ToList();
        var matches = comparison.Changes.Where(change => change.ToString().Contains(mutation.ExpectedMessage, StringComparison.Ordinal)).ToList();
        Assert.True(matches.Count > 0, $"No change contains '{mutation.ExpectedMessage}'. Reported:\n{string.Join('\n', lines)}");
        Assert.All(matches, change => Assert.Equal(mutation.ExpectedKind, change.Kind));
        if (mutation.ExpectedKind == ChangeKind.NonBreaking)
        {
            Assert.False(comparison.HasBreakingChanges, $"A non-breaking edit was reported as breaking:\n{string.Join('\n', lines)}");
        }
    }

    public static TheoryData<string> MutationNames => ContractMutations.Names;

    [Fact]
    public void MutationTable_HasSixteenDistinctRows()
    {
        Assert.True(ContractMutations.All.Count >= 16, $"The table has {ContractMutations.All.Count} rows.");
        Assert.Equal(ContractMutations.All.Count, ContractMutations.All.Select(mutation => mutation.Name).Distinct().Count());
    }

    [Fact]
    public void Compare_UnmodifiedContract_ReportsNoDifferences()
    {
        var text = ContractText.Read();

        var comparison = Compare(text, text);

        Assert.Empty(comparison.Changes);
    }

    [Fact]
    public void Compare_SharedSchema_ReportedAtEachUse()
    {
        var text = ContractText.Read();
        var current = text.ReplaceOnce(
            "        progress:\n          type: number\n          format: double\n",
            "        progress:\n          type: string\n");

        var comparison = Compare(text, current);

        // Batch is reached from the list, create, get and start responses.
        var typeChanges = comparison.Changes
            .Where(change => change.Description.Contains("changed type from number to string", StringComparison.Ordinal))
            .Select(change => change.Location)
            .ToList();
        Assert.Equal(
            ["GET /batches response 200", "POST /batches response 201", "GET /batches/{batchId} response 200", "POST /batches/{batchId}/start response 200"],
            typeChanges);
        Assert.Contains("GET /batches response 200: property data[].progress changed type from number to string (components/schemas/Batch)", comparison.Changes.Select(change => change.ToString()));
    }

    [Fact]
    public void Compare_SharedResponseDescription_ReportedOnce()
    {
        var text = ContractText.Read();
        var current = text.ReplaceOnce("description: The bearer token is missing or invalid.", "description: The bearer token is missing, expired or invalid.");

        var comparison = Compare(text, current);

        var change = Assert.Single(comparison.Changes);
        Assert.Equal(new ContractChange(ChangeKind.NonBreaking, "components/responses/Unauthorized", "description changed"), change);
    }

    [Fact]
    public void Compare_RecursiveSchema_Terminates()
    {
        var text = ContractText.Read();
        var recursive = text.ReplaceOnce(
            "        thumb:\n          $ref: '#/components/schemas/AssetThumb'\n",
            "        thumb:\n          $ref: '#/components/schemas/AssetThumb'\n        parent:\n          $ref: '#/components/schemas/AssetFile'\n");
        var changed = recursive.ReplaceOnce(
            "          description: Path of the stored file relative to the server's origin.\n",
            "          format: uri-reference\n          description: Path of the stored file relative to the server's origin.\n");

        var comparison = Compare(recursive, changed);

        Assert.Contains(comparison.Changes, change => change.Description.StartsWith("property data.file.url changed format", StringComparison.Ordinal));
    }

    private static ContractComparison Compare(string baselineText, string currentText) =>
        ContractComparer.Compare(ContractLoader.Parse(baselineText, "baseline"), ContractLoader.Parse(currentText, "current"));
}
