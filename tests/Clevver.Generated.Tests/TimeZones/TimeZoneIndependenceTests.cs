using System.Diagnostics;

namespace Clevver.Generated.Tests.TimeZones;

public class TimeZoneIndependenceTests
{
    // Zones far from UTC on both sides, one with a 45-minute offset, and one with summer time.
    [Theory]
    [InlineData("UTC")]
    [InlineData("Pacific/Kiritimati")]
    [InlineData("America/Los_Angeles")]
    [InlineData("Asia/Kathmandu")]
    [InlineData("Pacific/Chatham")]
    public async Task ChildProcess_UnderTimeZone_ReadsUtc(string zone)
    {
        var output = await RunProbeAsync(zone);

        Assert.Contains("batch.created_at=2023-11-01T13:53:12.0000000+00:00", output);
        Assert.Contains("asset.created_at=2024-01-24T05:32:50.6920000+00:00", output);
    }

    [Fact]
    public async Task ChildProcess_TimeZoneVariable_TakesEffect()
    {
        var output = await RunProbeAsync("Pacific/Kiritimati");

        Assert.Contains("offset=14:00:00", output);
    }

    private static async Task<string> RunProbeAsync(string zone)
    {
        var examples = Path.Combine(AppContext.BaseDirectory, "examples");
        var probe = Path.Combine(AppContext.BaseDirectory, "Clevver.Generated.TimeZoneProbe.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(probe);
        start.ArgumentList.Add(Path.Combine(examples, "batches-create.201.json"));
        start.ArgumentList.Add(Path.Combine(examples, "batches-upload-file.200.json"));
        start.Environment["TZ"] = zone;

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, $"The probe exited with {process.ExitCode}: {await stderr}");
        return await stdout;
    }
}
