using System.Diagnostics;

namespace Clevver.Cli.Tests;

public sealed class BadInputTests : IDisposable
{
    private readonly TempFiles _files = new();

    [Theory]
    [InlineData("abc")]
    [InlineData("1e99")]
    [InlineData("99999999999")]
    [InlineData("5000000")]
    [InlineData("0")]
    [InlineData("-5")]
    public async Task DeliveryTimeout_Invalid_ExitsWithUsageLine(string value)
    {
        var path = _files.Create("a.txt", 10);

        var result = await CliProcess.RunAsync(["store", "--emulator", "--delivery-timeout", value, path]);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.ErrorLines);
        Assert.Contains($"--delivery-timeout '{value}' is invalid", result.Error);
        Assert.DoesNotContain(" at ", result.Error);
    }

    [Fact]
    public async Task Store_UnknownOption_IsNamedAsOption()
    {
        var path = _files.Create("a.txt", 10);

        var result = await CliProcess.RunAsync(["store", "--emulator", "--bogus", path]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unrecognized option '--bogus'", result.Error);
    }

    [Fact]
    public async Task Store_NamedPipe_ExitsInsteadOfHanging()
    {
        var pipe = Path.Combine(_files.DirectoryPath, "pipe");
        using (var mkfifo = Process.Start("mkfifo", [pipe]))
        {
            await mkfifo.WaitForExitAsync();
        }

        var result = await CliProcess.RunAsync(["store", "--emulator", pipe]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("named pipe", result.Error);
    }

    [Fact]
    public async Task Store_LineBreakInName_KeepsOneLinePerFile()
    {
        var path = _files.Create("new\nline.txt", 10);

        var result = await CliProcess.RunAsync(["store", "--emulator", "--quiet", path]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, result.OutputLines.Length);
        Assert.StartsWith("new?line.txt  ", result.OutputLines[0]);
    }

    [Fact]
    public async Task ApiUrl_WithPassword_IsNotPrinted()
    {
        var environment = new Dictionary<string, string> { ["CLEVVER_TOKEN"] = "test-token" };

        var result = await CliProcess.RunAsync(["batches", "list", "--api-url", "http://user:secret-pw@127.0.0.1:1/api"], environment);

        Assert.Equal(6, result.ExitCode);
        Assert.DoesNotContain("secret-pw", result.Error);
        Assert.Contains("http://***@127.0.0.1:1/api/", result.Error);
    }

    [Fact]
    public async Task Json_QuotedName_StaysReadable()
    {
        var path = _files.Create("say \"hi\" café.txt", 10);

        var result = await CliProcess.RunAsync(["store", "--emulator", "--json", "--quiet", path]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"name\": \"say \\\"hi\\\" café.txt\"", result.Output);
    }

    [Fact]
    public async Task Emulator_TokenWithSpace_NamesOption()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var freePort = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var result = await CliProcess.RunAsync(["emulator", "--port", freePort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--token", "a b"]);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: --token is invalid: ", result.Error);
        Assert.DoesNotContain("(Parameter", result.Error);
    }

    [Fact]
    public async Task Store_EmptyFile_ShowsItsUpload()
    {
        var path = _files.Create("empty.txt", 0);

        var result = await CliProcess.RunAsync(["store", "--emulator", path]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(result.ErrorLines, line => line.StartsWith("uploading empty.txt (0 B) into batch ", StringComparison.Ordinal));
    }

    public void Dispose() => _files.Dispose();
}
