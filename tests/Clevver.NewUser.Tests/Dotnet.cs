using System.Diagnostics;

namespace Clevver.NewUser.Tests;

/// <summary>The outcome of one child process.</summary>
internal sealed record ProcessResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit code {ExitCode}\n--- stdout ---\n{Output}\n--- stderr ---\n{Error}";
}

/// <summary>Runs <c>dotnet</c> and installed tools as child processes, as a user's shell would.</summary>
internal static class Dotnet
{
    // A guard against a hung child only. Restores and packs take a minute or two on a loaded machine.
    private static readonly TimeSpan s_hangLimit = TimeSpan.FromMinutes(10);

    private static readonly string[] s_clevverVariables = ["CLEVVER_TOKEN", "CLEVVER_API_URL", "CLEVVER_DEBUG"];

    /// <summary>The dotnet host that runs the tests; the SDK sets DOTNET_HOST_PATH for its child processes.</summary>
    public static string Host =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path : "dotnet";

    public static Task<ProcessResult> RunAsync(string workingDirectory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null) =>
        RunProgramAsync(Host, workingDirectory, arguments, environment);

    public static async Task<ProcessResult> RunProgramAsync(string program, string workingDirectory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var startInfo = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // The test host's MSBuild variables would point a child build at this repository's SDK settings.
        foreach (var name in s_clevverVariables.Concat(["MSBuildSDKsPath", "MSBuildExtensionsPath", "MSBUILD_EXE_PATH"]))
        {
            startInfo.Environment.Remove(name);
        }

        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        startInfo.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"{program} did not start.");
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
            throw new TimeoutException($"{program} {string.Join(' ', startInfo.ArgumentList)} did not exit within {s_hangLimit}.");
        }

        return new ProcessResult(process.ExitCode, await output, await error);
    }
}
