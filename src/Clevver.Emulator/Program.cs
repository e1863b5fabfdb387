using System.Net.Sockets;
using System.Runtime.InteropServices;
using Clevver.Emulator;
using Clevver.Emulator.CommandLine;

// Runs the emulator until Ctrl+C or SIGTERM. Exit codes: 0 after a clean stop, 1 when the
// emulator cannot start, 2 for invalid arguments.
ParsedArguments parsed = EmulatorArguments.Parse(args);
if (parsed.Error is not null)
{
    Console.Error.WriteLine(parsed.Error);
    Console.Error.WriteLine("Run with --help to list the options.");
    return 2;
}

if (parsed.ShowHelp)
{
    Console.WriteLine(EmulatorArguments.HelpText);
    return 0;
}

// Standard output carries only the base URL and the token, so scripts can read them. Logs go to
// standard error.
EmulatorOptions options = parsed.Options!;
options.ConfigureLogging = logging => logging
    .AddSimpleConsole(console => console.SingleLine = true)
    .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace)
    .AddFilter("Microsoft", LogLevel.Warning)
    .AddFilter("Clevver", LogLevel.Information);

using CancellationTokenSource stop = new();
Console.CancelKeyPress += (_, eventArgs) =>
{
    eventArgs.Cancel = true;
    stop.Cancel();
};
using PosixSignalRegistration terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});

EmulatorHost host;
try
{
    host = await EmulatorHost.StartAsync(options, stop.Token);
}
catch (IOException exception)
{
    // The port and the data directory both fail with IOException; the message names the one at fault.
    var cause = exception.InnerException is SocketException || exception.Message.Contains("address", StringComparison.OrdinalIgnoreCase)
        ? $"on port {options.Port}"
        : $"with the data directory '{options.DataDirectory}'";
    Console.Error.WriteLine($"The emulator could not start {cause}: {exception.Message}");
    return 1;
}
catch (OperationCanceledException)
{
    return 0;
}

await using (host)
{
    Console.WriteLine($"Base URL: {host.BaseAddress}");
    Console.WriteLine($"Token: {host.Token}");
    Console.Error.WriteLine("Press Ctrl+C to stop.");

    try
    {
        await Task.Delay(Timeout.Infinite, stop.Token);
    }
    catch (OperationCanceledException)
    {
        // Ctrl+C or SIGTERM: dispose the host below.
    }
}

return 0;
