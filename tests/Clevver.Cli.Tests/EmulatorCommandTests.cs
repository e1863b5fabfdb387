using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Clevver.Generated;

namespace Clevver.Cli.Tests;

public class EmulatorCommandTests
{
    // A guard against a hung child only: the emulator starts and stops within seconds.
    private static readonly TimeSpan s_hangLimit = TimeSpan.FromMinutes(1);

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task Emulator_ServesUntilSignal(string signal)
    {
        var port = FreePort();
        var dataDirectory = Directory.CreateTempSubdirectory("clevver-cli-emulator-").FullName;
        using var process = StartClevver("emulator", "--port", port.ToString(), "--token", "ci-token", "--data-dir", dataDirectory, "--delivery-time", "1");
        var error = process.StandardError.ReadToEndAsync();

        var apiUrl = await process.StandardOutput.ReadLineAsync().WaitAsync(s_hangLimit);
        var token = await process.StandardOutput.ReadLineAsync().WaitAsync(s_hangLimit);
        using var client = new ClevverClient(new ClevverClientOptions { BaseAddress = new Uri(apiUrl!["CLEVVER_API_URL=".Length..]), Token = token!["CLEVVER_TOKEN=".Length..] });
        var batch = await client.Batches.CreateAsync();
        await client.Batches.UploadAsync(batch.Data.Id, new MemoryStream([1, 2, 3]), "a.bin");
        Signal(process, signal);
        await process.WaitForExitAsync().WaitAsync(s_hangLimit);

        Assert.Equal($"CLEVVER_API_URL=http://127.0.0.1:{port}/api/", apiUrl);
        Assert.Equal("CLEVVER_TOKEN=ci-token", token);
        Assert.Equal(0, process.ExitCode);
        Assert.Contains("The emulator stopped.", await error);
        Assert.NotEmpty(Directory.GetFiles(dataDirectory, "a.bin", SearchOption.AllDirectories));
        Directory.Delete(dataDirectory, recursive: true);
    }

    [Fact]
    public async Task Emulator_PortInUse_FailsNamingPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var result = await CliProcess.RunAsync(["emulator", "--port", port.ToString()]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"port {port}", result.Error);
        Assert.Contains("--port", result.Error);
    }

    [Fact]
    public async Task Emulator_WithApiUrl_IsUsageError()
    {
        var result = await CliProcess.RunAsync(["emulator", "--api-url", "https://clevver.org/api"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--api-url", result.Error);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Process StartClevver(params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "clevver.dll"));
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        return Process.Start(startInfo) ?? throw new InvalidOperationException("The CLI process did not start.");
    }

    /// <summary>Sends a POSIX signal, as Ctrl+C (INT) or a CI runner (TERM) would.</summary>
    private static void Signal(Process process, string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, process.Id.ToString()]);
        kill.WaitForExit();
    }
}
