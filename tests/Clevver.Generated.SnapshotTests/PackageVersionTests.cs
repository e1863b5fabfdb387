using System.Reflection;
using Clevver.Generated.SnapshotTests.Support;

namespace Clevver.Generated.SnapshotTests;

/// <summary>The built assembly carries the version of the contract it was generated from.</summary>
public class PackageVersionTests
{
    [Fact]
    public void InformationalVersion_IsContractVersion()
    {
        var contractVersion = ContractVersion.Read(File.ReadAllText(RepositoryPaths.Combine(GeneratorInputs.ContractPath)));

        var informational = typeof(ClevverClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

        // The SDK appends "+<commit>" when the build runs in a git clone.
        Assert.Equal(contractVersion, informational.Split('+')[0]);
    }
}
