using System.Diagnostics;

namespace Clevver.Conformance.Tests.Drift;

/// <summary>The outcome of one run of the CLI.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    /// <summary>Standard output split into lines, without empty ones.</summary>
    public string[] OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>Runs the built <c>clevver.dll</c> as a child process, as a user would.</summary>
internal static class CliProcess
{
    // A guard against a hung child only: every command here ends within seconds.
    private static readonly TimeSpan s_hangLimit = TimeSpan.FromMinutes(2);

    private static readonly string[] s_clevverVariables = ["CLEVVER_TOKEN", "CLEVVER_API_URL", "CLEVVER_DEBUG"];

    /// <summary>Runs <c>clevver</c> with <paramref name="arguments"/> and only the CLEVVER_* variables in <paramref name="environment"/>.</summary>
    public static async Task<CliResult> RunAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var startInfo = new ProcessStartInfo(DotnetHost())
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

        // A developer's own token must never reach a test.
        foreach (var name in s_clevverVariables)
        {
            startInfo.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("The CLI process did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var hang = new CancellationTokenSource(s_hangLimit);
        try
        {
            await process.WaitForExitAsync(hang.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"clevver {string.Join(' ', arguments)} did not exit within {s_hangLimit}.");
        }

        return new CliResult(process.ExitCode, (await output).Replace("\r\n", "\n"), (await error).Replace("\r\n", "\n"));
    }

    /// <summary>Returns the dotnet host that runs the tests; the SDK sets DOTNET_HOST_PATH for its child processes.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path : "dotnet";
}
