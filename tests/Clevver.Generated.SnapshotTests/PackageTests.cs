using Clevver.Generated.SnapshotTests.Support;

namespace Clevver.Generated.SnapshotTests;

/// <summary>
/// Packs Clevver.Generated from a temporary copy with an edited contract, as a release would, to
/// check the version taken from the contract and the validation against the released package.
/// </summary>
public class PackageTests
{
    // Removing the property removes Asset.Txid from the generated surface, a binary-breaking change.
    private const string TxidProperty = """
                txid:
                  type: string
                  nullable: true
                  description: The blockchain transaction id once the file is stored, else null.

        """;

    [Fact]
    public async Task Pack_RemovedPropertySameMajor_Fails()
    {
        using var workspace = PackageWorkspace.Create();
        workspace.EditContract(TxidProperty, "");

        var result = await workspace.PackAsync();

        Assert.True(result.ExitCode != 0, $"dotnet pack passed although Asset.Txid was removed at version 1. Output:\n{result.Output}");
        Assert.Contains("CP0002", result.Output);
        Assert.Contains("Clevver.Generated.Asset.Txid", result.Output);
    }

    [Fact]
    public async Task Pack_RemovedPropertyNewMajor_Passes()
    {
        using var workspace = PackageWorkspace.Create();
        workspace.EditContract(TxidProperty, "");
        workspace.EditContract("  version: 1.0.0\n", "  version: 2.0.0\n");

        var result = await workspace.PackAsync();

        Assert.True(result.ExitCode == 0, $"dotnet pack failed. Output:\n{result.Output}");
        Assert.Equal(["Clevver.Generated.2.0.0.nupkg"], result.PackageNames);
        Assert.StartsWith("2.0.0", result.ReadInformationalVersion());
    }
}
