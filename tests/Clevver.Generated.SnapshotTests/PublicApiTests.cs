using Clevver.Generated.SnapshotTests.Support;
using PublicApiGenerator;

namespace Clevver.Generated.SnapshotTests;

/// <summary>The public API of the Clevver.Generated assembly: generated types and hand-written partial classes.</summary>
public class PublicApiTests
{
    [Fact]
    public void PublicApi_MatchesSnapshot()
    {
        var options = new ApiGeneratorOptions
        {
            // Friend assemblies and build metadata such as the repository URL are no part of the
            // public API, and they differ between clones and test projects.
            ExcludeAttributes =
            [
                "System.Runtime.CompilerServices.InternalsVisibleToAttribute",
                "System.Reflection.AssemblyMetadataAttribute",
            ],
        };

        var publicApi = typeof(ClevverClient).Assembly.GeneratePublicApi(options);

        ApprovedSnapshot.Match(publicApi, "PublicApiTests.Clevver.Generated");
    }
}
