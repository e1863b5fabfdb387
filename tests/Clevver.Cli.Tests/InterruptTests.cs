using System.Diagnostics;

namespace Clevver.Cli.Tests;

public sealed class InterruptTests : IDisposable
{
    private readonly TempFiles _files = new();

    [Fact]
    public async Task CtrlCAfterStart_NamesStartedBatch()
    {
        var path = _files.Create("a.txt", 100);
        var startInfo = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "clevver.dll"), "store", "--emulator", path })
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errorLines = new List<string>();
        string? line;
        while ((line = await process.StandardError.ReadLineAsync()) is not null)
        {
            errorLines.Add(line);
            if (line.StartsWith("starting batch ", StringComparison.Ordinal))
            {
                // The emulator of --emulator delivers after 3 seconds, so the command is still waiting.
                using var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                await kill.WaitForExitAsync();
                break;
            }
        }

        var rest = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await output;

        var batchId = errorLines.Last()["starting batch ".Length..];
        Assert.Equal(130, process.ExitCode);
        Assert.Contains("cancelled by Ctrl+C.", rest);
        Assert.Contains($"The batch {batchId} may already be started: check it with 'clevver batches get {batchId}'.", rest);
    }

    public void Dispose() => _files.Dispose();
}
