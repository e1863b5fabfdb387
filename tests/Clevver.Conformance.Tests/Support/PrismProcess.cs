using System.Collections.Concurrent;
using System.Diagnostics;

namespace Clevver.Conformance.Tests.Support;

/// <summary>
/// A Prism server (<c>@stoplight/prism-cli</c>, pinned in package.json) running as a child process on
/// 127.0.0.1. Dispose it to kill its process tree.
/// </summary>
public sealed class PrismProcess : IAsyncDisposable
{
    /// <summary>The type URI prefix of the problem+json bodies that Prism itself returns for violations.</summary>
    public const string PrismErrorType = "https://stoplight.io/prism/errors#";

    // Prism started within about 6 seconds in local runs. The limit leaves room for a loaded 2-core runner.
    private static readonly TimeSpan s_startLimit = TimeSpan.FromSeconds(120);

    private const string ListeningMessage = "Prism is listening on";

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;

    private PrismProcess(Process process, ConcurrentQueue<string> output, Uri baseAddress)
    {
        _process = process;
        _output = output;
        BaseAddress = baseAddress;
    }

    /// <summary>The address Prism listens on, with a trailing slash. The contract's paths start right below it.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Every line Prism wrote to standard output and standard error so far.</summary>
    public IReadOnlyList<string> Output => _output.ToArray();

    /// <summary>
    /// Lines of <see cref="Output"/> that report a contract violation: Prism logs a violation as a
    /// warning or an error, and a request that it ends with its own error names its error type.
    /// </summary>
    public IReadOnlyList<string> Violations => Output.Where(IsViolation).ToList();

    /// <summary>True for a line at Prism's warning (⚠) or error (✖) level, or one that names a violation.</summary>
    public static bool IsViolation(string line) =>
        line.Contains('⚠') || line.Contains('✖')
        || line.Contains("Violation", StringComparison.OrdinalIgnoreCase)
        || line.Contains(PrismErrorType, StringComparison.Ordinal);

    /// <summary>Starts <c>prism mock</c> on the contract.</summary>
    /// <param name="dynamic">True for <c>--dynamic</c>: random bodies generated from the schemas instead of the examples.</param>
    public static Task<PrismProcess> StartMockAsync(bool dynamic) =>
        StartAsync(port => ["mock", ContractPath, "--host", "127.0.0.1", "--port", port, .. (dynamic ? new[] { "--dynamic" } : [])]);

    /// <summary>Starts <c>prism proxy --errors</c> on the contract in front of <paramref name="upstream"/>.</summary>
    /// <param name="upstream">
    /// The server's base URL. Prism appends each request's path to it, so for a server whose routes
    /// start with <c>/api</c> it is <c>http://127.0.0.1:port/api</c>.
    /// </param>
    public static Task<PrismProcess> StartProxyAsync(Uri upstream) =>
        StartAsync(port => ["proxy", ContractPath, upstream.ToString().TrimEnd('/'), "--host", "127.0.0.1", "--port", port, "--errors"]);

    /// <summary>Kills Prism and its child processes.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync();
        }
        catch (InvalidOperationException)
        {
            // The process has already exited and been reaped.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private static string ContractPath => RepositoryRoot.Combine(Path.Combine("api", "clevver.openapi.yaml"));

    private static async Task<PrismProcess> StartAsync(Func<string, string[]> arguments)
    {
        var executable = FindExecutable();

        // A free port can be taken between the check and Prism's bind, so a failed start gets a new port.
        const int attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort.Next();
            var (prism, started) = await TryStartAsync(executable, arguments(port.ToString(System.Globalization.CultureInfo.InvariantCulture)), port);
            if (started)
            {
                return prism;
            }

            var output = string.Join(Environment.NewLine, prism.Output);
            await prism.DisposeAsync();
            if (attempt == attempts || !output.Contains("EADDRINUSE", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Prism did not start listening on port {port} within {s_startLimit.TotalSeconds} seconds. Its output:{Environment.NewLine}{output}");
            }
        }
    }

    private static async Task<(PrismProcess Prism, bool Started)> TryStartAsync(string executable, string[] arguments, int port)
    {
        var startInfo = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot.Path,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Plain lines are easier to search than lines with ANSI colors.
        startInfo.Environment["NO_COLOR"] = "1";
        startInfo.Environment["FORCE_COLOR"] = "0";

        var output = new ConcurrentQueue<string>();
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        DataReceivedEventHandler collect = (_, line) =>
        {
            if (line.Data is null)
            {
                return;
            }

            output.Enqueue(line.Data);
            if (line.Data.Contains(ListeningMessage, StringComparison.Ordinal))
            {
                listening.TrySetResult();
            }
        };
        process.OutputDataReceived += collect;
        process.ErrorDataReceived += collect;
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("Prism exited before it listened."));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var prism = new PrismProcess(process, output, new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            await listening.Task.WaitAsync(s_startLimit);
            return (prism, true);
        }
        catch (Exception exception) when (exception is TimeoutException or InvalidOperationException)
        {
            return (prism, false);
        }
    }

    private static string FindExecutable()
    {
        var name = OperatingSystem.IsWindows() ? "prism.cmd" : "prism";
        var path = RepositoryRoot.Combine(Path.Combine("node_modules", ".bin", name));
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"Prism is not installed: {path} does not exist. Run 'npm ci' in {RepositoryRoot.Path} to install the version pinned in package-lock.json, then run the tests again.");
        }

        return path;
    }
}
