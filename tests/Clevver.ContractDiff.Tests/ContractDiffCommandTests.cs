using System.Diagnostics;
using Clevver.ContractDiff.CommandLine;

namespace Clevver.ContractDiff.Tests;

public sealed class ContractDiffCommandTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("contract-diff-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task Run_UnmodifiedContract_ExitsZero()
    {
        var text = ContractText.Read();

        var (exitCode, output, error) = await RunAsync(text, text);

        Assert.Equal(ContractDiffCommand.Success, exitCode);
        Assert.Contains("No differences.", output, StringComparison.Ordinal);
        Assert.Equal("", error);
    }

    [Fact]
    public async Task Run_MajorVersionRaised_ExitsZero()
    {
        var text = ContractText.Read();

        var (exitCode, output, _) = await RunAsync(text, text.WithoutAssetChecksum().WithVersion("2.0.0"));

        Assert.Equal(ContractDiffCommand.Success, exitCode);
        Assert.Contains("Breaking (1):", output, StringComparison.Ordinal);
        Assert.Contains("property data.checksum was removed", output, StringComparison.Ordinal);
        Assert.Contains("info.version: changed from 1.0.0 to 2.0.0", output, StringComparison.Ordinal);
        Assert.Contains("accepted, because the major version was raised", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.0.0")]
    [InlineData("1.1.0")]
    [InlineData("not-a-version")]
    public async Task Run_MajorVersionNotRaised_ExitsOne(string version)
    {
        var text = ContractText.Read();

        var (exitCode, output, error) = await RunAsync(text, text.WithoutAssetChecksum().WithVersion(version));

        Assert.Equal(ContractDiffCommand.BreakingChangeWithoutMajorVersion, exitCode);
        Assert.Contains("property data.checksum was removed", output, StringComparison.Ordinal);
        Assert.Contains("raise the major version of info.version", error, StringComparison.Ordinal);
        Assert.Contains("revert them", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ChecksumRemoved_ExitsOne()
    {
        var text = ContractText.Read();

        var (exitCode, output, error) = await RunAsync(text, text.WithoutAssetChecksum());

        Assert.Equal(ContractDiffCommand.BreakingChangeWithoutMajorVersion, exitCode);
        Assert.Contains(
            "Breaking (1):\n  - POST /batches/{batchId}/files response 200: property data.checksum was removed (components/schemas/Asset)",
            output.ReplaceLineEndings("\n"),
            StringComparison.Ordinal);
        Assert.Contains("Failed: 1 breaking change and the major version of info.version was not raised (info.version 1.0.0 -> 1.0.0)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NonBreakingChange_ExitsZero()
    {
        var text = ContractText.Read();

        var (exitCode, output, _) = await RunAsync(text, text.ReplaceOnce(
            "description: Returns one batch with its status and progress.",
            "description: Returns one batch, its status and its progress."));

        Assert.Equal(ContractDiffCommand.Success, exitCode);
        Assert.Contains("Non-breaking (1):", output, StringComparison.Ordinal);
        Assert.Contains("GET /batches/{batchId}: description changed", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("foo: [\n", "is not a valid OpenAPI document")]
    [InlineData("hello: world\n", "is not a valid OpenAPI document")]
    public async Task Run_InvalidContract_ExitsTwo(string currentText, string expected)
    {
        var (exitCode, output, error) = await RunAsync(ContractText.Read(), currentText);

        Assert.Equal(ContractDiffCommand.InvalidInput, exitCode);
        Assert.Equal("", output);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Run_MissingFile_ExitsTwo()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var missing = Path.Combine(_directory.FullName, "missing.yaml");

        var exitCode = await ContractDiffCommand.RunAsync(["--baseline", missing], _directory.FullName, output, error);

        Assert.Equal(ContractDiffCommand.InvalidInput, exitCode);
        Assert.StartsWith($"Cannot read the contract {missing}", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--unknown")]
    [InlineData("--current")]
    public async Task Run_InvalidArguments_ExitsTwo(string argument)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await ContractDiffCommand.RunAsync([argument], _directory.FullName, output, error);

        Assert.Equal(ContractDiffCommand.InvalidInput, exitCode);
        Assert.NotEqual("", error.ToString());
    }

    [Fact]
    public async Task Run_MarkdownOption_WritesFile()
    {
        var text = ContractText.Read();
        var markdownPath = Path.Combine(_directory.FullName, "changes.md");

        var (exitCode, _, _) = await RunAsync(text, text.WithoutAssetChecksum(), "--markdown", markdownPath);

        Assert.Equal(ContractDiffCommand.BreakingChangeWithoutMajorVersion, exitCode);
        var markdown = await File.ReadAllTextAsync(markdownPath);
        Assert.Contains("## Breaking (1)", markdown, StringComparison.Ordinal);
        Assert.Contains("- `POST /batches/{batchId}/files response 200`: property data.checksum was removed", markdown, StringComparison.Ordinal);
        Assert.Contains("## Result", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChildProcess_ChecksumRemoved_ExitsOne()
    {
        // The temporary folder is laid out like this repository, with the checksum removed from the current
        // contract. The program starts in a subfolder, so it must walk up to the solution file to find the defaults.
        var text = ContractText.Read();
        Directory.CreateDirectory(Path.Combine(_directory.FullName, "api", "baseline"));
        await File.WriteAllTextAsync(Path.Combine(_directory.FullName, "Clevver.Generated.sln"), "");
        await File.WriteAllTextAsync(Path.Combine(_directory.FullName, "api", "baseline", "clevver.openapi.yaml"), text);
        await File.WriteAllTextAsync(Path.Combine(_directory.FullName, "api", "clevver.openapi.yaml"), text.WithoutAssetChecksum());
        var programPath = Path.Combine(AppContext.BaseDirectory, "Clevver.ContractDiff.dll");
        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(_directory.FullName, "api"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        startInfo.ArgumentList.Add(programPath);

        using var process = Process.Start(startInfo)!;
        var outputTask = process.StandardOutput.ReadToEndAsync();
        var errorTask = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        var output = await outputTask;
        var error = await errorTask;

        Assert.Equal(ContractDiffCommand.BreakingChangeWithoutMajorVersion, process.ExitCode);
        Assert.Contains("from api/baseline/clevver.openapi.yaml (1.0.0) to api/clevver.openapi.yaml (1.0.0)", output, StringComparison.Ordinal);
        Assert.Contains("POST /batches/{batchId}/files response 200: property data.checksum was removed", output, StringComparison.Ordinal);
        Assert.Contains("raise the major version of info.version in api/clevver.openapi.yaml (to 2.0.0)", error, StringComparison.Ordinal);
        Assert.Contains("copy it to api/baseline/clevver.openapi.yaml", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(
        string baselineText,
        string currentText,
        params string[] extraArguments)
    {
        var baselinePath = Path.Combine(_directory.FullName, "baseline.yaml");
        var currentPath = Path.Combine(_directory.FullName, "current.yaml");
        await File.WriteAllTextAsync(baselinePath, baselineText);
        await File.WriteAllTextAsync(currentPath, currentText);
        using var output = new StringWriter();
        using var error = new StringWriter();

        string[] arguments = ["--baseline", baselinePath, "--current", currentPath, .. extraArguments];
        var exitCode = await ContractDiffCommand.RunAsync(arguments, _directory.FullName, output, error);

        return (exitCode, output.ToString(), error.ToString());
    }
}
