namespace Clevver.Cli.Tests;

public sealed class ConnectionTests
{
    [Fact]
    public async Task MissingToken_ExitsBeforeAnyRequest()
    {
        // Nothing listens at this URL, so a request would end with exit code 6 instead.
        var environment = new Dictionary<string, string> { ["CLEVVER_API_URL"] = TestEmulator.ClosedPortUrl() };

        var result = await CliProcess.RunAsync(["batches", "list"], environment);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("error: CLEVVER_TOKEN is not set.", line);
        Assert.DoesNotContain(" at ", result.Error);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task ClosedPort_ExitsUnreachable()
    {
        var url = TestEmulator.ClosedPortUrl();
        var environment = new Dictionary<string, string> { ["CLEVVER_TOKEN"] = "unused-token" };

        var result = await CliProcess.RunAsync(["batches", "create", "--api-url", url], environment);

        Assert.Equal(6, result.ExitCode);
        Assert.StartsWith($"error: cannot reach the server at {url}/: ", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task InvalidApiUrl_ExitsWithUsageError()
    {
        var environment = new Dictionary<string, string> { ["CLEVVER_TOKEN"] = "unused-token", ["CLEVVER_API_URL"] = "not a url" };

        var result = await CliProcess.RunAsync(["batches", "list"], environment);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: the API URL 'not a url' from CLEVVER_API_URL is invalid.", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task EmulatorWithApiUrl_ExitsWithUsageError()
    {
        var result = await CliProcess.RunAsync(["batches", "list", "--emulator", "--api-url", TestEmulator.ClosedPortUrl()]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: --emulator and --api-url cannot be used together. Pass only one of them.", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task UnknownCommand_ExitsWithUsageError()
    {
        var result = await CliProcess.RunAsync(["frobnicate"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'frobnicate'", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task Help_ListsExitCodes()
    {
        var result = await CliProcess.RunAsync(["--help"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Exit codes:", result.Output);
        Assert.Contains("130  cancelled by Ctrl+C", result.Output);
    }

    [Theory]
    [InlineData("store")]
    [InlineData("batches list")]
    [InlineData("batches create")]
    [InlineData("batches get")]
    [InlineData("batches start")]
    [InlineData("batches upload")]
    public async Task Help_EveryCommandListsSharedOptions(string command)
    {
        var result = await CliProcess.RunAsync([.. command.Split(' '), "--help"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--api-url <url>", result.Output);
        Assert.Contains("--json", result.Output);
        Assert.Contains("--emulator", result.Output);
    }
}
