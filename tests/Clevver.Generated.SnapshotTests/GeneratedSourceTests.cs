using Clevver.Generated.SnapshotTests.Support;

namespace Clevver.Generated.SnapshotTests;

/// <summary>The C# source exactly as NSwag wrote it from the contract, nswag.json and the templates.</summary>
public class GeneratedSourceTests
{
    [Fact]
    public void ClientSource_MatchesSnapshot()
    {
        var source = File.ReadAllText(RepositoryPaths.Combine(GeneratorInputs.OutputPath));

        ApprovedSnapshot.Match(source, "GeneratedSourceTests.ClevverClient.g.cs");
    }
}
