using Clevver.ContractDiff.CommandLine;

namespace Clevver.ContractDiff.Tests;

/// <summary>The check that CI applies to the repository's own contract against its released baseline.</summary>
public sealed class ReleaseGateRepositoryTests
{
    [Fact]
    public async Task RepositoryContract_HasNoUnversionedBreakingChange()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await ContractDiffCommand.RunAsync([], ContractText.RepositoryRoot, output, error);

        Assert.True(
            exitCode == ContractDiffCommand.Success,
            $"api/clevver.openapi.yaml has a breaking change against api/baseline/clevver.openapi.yaml without a new major info.version " +
            $"(exit code {exitCode}). Run 'dotnet run --project src/Clevver.ContractDiff' to see it.\n{output}{error}");
    }
}
