using Clevver.Generated.SnapshotTests.Support;

namespace Clevver.Generated.SnapshotTests;

/// <summary>
/// Builds a temporary copy of the client project twice, to check that NSwag runs only when the
/// contract, nswag.json or a template changed.
/// </summary>
public class IncrementalGenerationTests
{
    private const string SkipMessage = "Skipping target \"GenerateClevverClient\" because all output files are up-to-date";

    [Fact]
    public async Task Build_UnchangedInputs_SkipsGeneration()
    {
        using var workspace = PackageWorkspace.Create();
        var first = await workspace.BuildAsync();
        Assert.True(first.ExitCode == 0, $"The first build failed:\n{first.Output}");
        var generatedAt = File.GetLastWriteTimeUtc(workspace.GeneratedFilePath);

        var second = await workspace.BuildAsync();

        Assert.True(second.ExitCode == 0, $"The second build failed:\n{second.Output}");
        Assert.Contains(SkipMessage, second.Output);
        Assert.Equal(generatedAt, File.GetLastWriteTimeUtc(workspace.GeneratedFilePath));
    }

    [Fact]
    public async Task Build_ChangedContract_Regenerates()
    {
        using var workspace = PackageWorkspace.Create();
        var first = await workspace.BuildAsync();
        Assert.True(first.ExitCode == 0, $"The first build failed:\n{first.Output}");
        workspace.EditContract("summary: Get active batch jobs.", "summary: Get the active batch jobs.");

        var second = await workspace.BuildAsync();

        Assert.True(second.ExitCode == 0, $"The second build failed:\n{second.Output}");
        Assert.DoesNotContain(SkipMessage, second.Output);
        Assert.Contains("Get the active batch jobs.", File.ReadAllText(workspace.GeneratedFilePath));
    }
}
