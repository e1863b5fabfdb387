namespace Clevver.Cli.Tests;

public sealed class TokenTests(TestEmulator emulator) : IClassFixture<TestEmulator>, IDisposable
{
    private readonly TempFiles _files = new();

    [Fact]
    public async Task Token_NeverPrinted()
    {
        var path = _files.Create("secret.bin", 512);
        var debug = new Dictionary<string, string>(emulator.Environment) { ["CLEVVER_DEBUG"] = "1" };
        var wrongToken = new Dictionary<string, string>(debug) { ["CLEVVER_TOKEN"] = "wrong-token-7c1e9a34" };
        var closedPort = new Dictionary<string, string>(debug) { ["CLEVVER_API_URL"] = TestEmulator.ClosedPortUrl() };
        var runs = new List<(string Token, CliResult Result)>
        {
            (emulator.Host.Token, await CliProcess.RunAsync(["store", path], debug)),
            (emulator.Host.Token, await CliProcess.RunAsync(["store", "--json", path], debug)),
            (emulator.Host.Token, await CliProcess.RunAsync(["batches", "start", Guid.NewGuid().ToString()], debug)),
            (emulator.Host.Token, await CliProcess.RunAsync(["batches", "list"], closedPort)),
            ("wrong-token-7c1e9a34", await CliProcess.RunAsync(["batches", "list"], wrongToken)),
        };

        foreach (var (token, result) in runs)
        {
            Assert.DoesNotContain(token, result.Output);
            Assert.DoesNotContain(token, result.Error);
        }
    }

    public void Dispose() => _files.Dispose();
}
