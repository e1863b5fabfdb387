using System.CommandLine;
using System.Runtime.InteropServices;
using Clevver.Cli.CommandLine;
using Clevver.Cli.Connection;
using Clevver.Cli.Errors;
using Clevver.Cli.Output;
using Clevver.Emulator;

namespace Clevver.Cli.Commands;

/// <summary>
/// <c>clevver emulator</c>: runs the emulator on a fixed loopback port until Ctrl+C or SIGTERM, for
/// development and for other projects' CI.
/// </summary>
internal static class EmulatorCommand
{
    /// <summary>The default of <c>--port</c>, the port of the contract's emulator server entry.</summary>
    public const int DefaultPort = 5080;

    public static Command Create(SharedOptions options)
    {
        var port = new Option<int>("--port")
        {
            Description = "TCP port on 127.0.0.1 to listen on, from 1 to 65535.",
            HelpName = "port",
            DefaultValueFactory = _ => DefaultPort,
        };
        port.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 65535)
            {
                result.AddError("--port must be from 1 to 65535, for example 5080.");
            }
        });
        var dataDirectory = new Option<string?>("--data-dir")
        {
            Description = "Directory where uploaded files are stored; it is created if missing and kept on exit. " +
                "Default: a new temporary directory, deleted on exit.",
            HelpName = "path",
        };
        var token = new Option<string?>("--token")
        {
            Description = "The bearer token that requests must send, visible ASCII without spaces. Default: a random token, printed at the start.",
            HelpName = "token",
        };
        var deliveryTime = new Option<double>("--delivery-time")
        {
            Description = "Seconds from a batch's start until it is delivered.",
            HelpName = "seconds",
            DefaultValueFactory = _ => EmulatorOptions.DefaultDeliveryTime.TotalSeconds,
        };
        deliveryTime.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is not > 0)
            {
                result.AddError("--delivery-time must be a positive number of seconds, for example 2.");
            }
        });

        var command = new Command(
            "emulator",
            "Run the Clevver API emulator on 127.0.0.1 until Ctrl+C or SIGTERM. Prints 'CLEVVER_API_URL=<url>' and " +
            "'CLEVVER_TOKEN=<token>' on standard output once it accepts connections (with --json, one JSON document), " +
            "so that tests can point at it. With --data-dir, batches and files are kept across restarts; without it, they live in a temporary folder that is deleted on exit.")
        {
            port,
            dataDirectory,
            token,
            deliveryTime,
        };
        CommandRunner.SetAction(command, options, async context =>
        {
            if (context.ParseResult.GetValue(options.ApiUrl) is not null || context.ParseResult.GetValue(options.Emulator))
            {
                throw new UsageException("'clevver emulator' runs an emulator itself and takes neither --api-url nor --emulator. Remove them.");
            }

            var emulatorOptions = new EmulatorOptions
            {
                Port = context.ParseResult.GetValue(port),
                DataDirectory = context.ParseResult.GetValue(dataDirectory),
                Token = context.ParseResult.GetValue(token),
                DeliveryTime = TimeSpan.FromSeconds(context.ParseResult.GetValue(deliveryTime)),
            };
            await RunAsync(context, emulatorOptions);
        });
        return command;
    }

    private static async Task RunAsync(CommandContext context, EmulatorOptions emulatorOptions)
    {
        await using var emulator = await StartAsync(emulatorOptions, context.CancellationToken);
        WriteAddress(context, emulator);

        // SIGTERM (from 'kill' or a CI runner) stops the emulator as Ctrl+C does, so Kestrel closes cleanly.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = true;
            stop.Cancel();
        });

        Console.Error.WriteLine($"The emulator is running; uploads go to {emulator.DataDirectory}. Press Ctrl+C to stop it.");
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, stop.Token);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C or SIGTERM: the normal way to stop, so the command succeeds.
        }

        await emulator.DisposeAsync();
        Console.Error.WriteLine("The emulator stopped.");
    }

    private static async Task<EmulatorHost> StartAsync(EmulatorOptions emulatorOptions, CancellationToken cancellationToken)
    {
        try
        {
            return await EmulatorHost.StartAsync(emulatorOptions, cancellationToken);
        }
        catch (ArgumentException exception)
        {
            // The emulator names its option property; the user typed the matching command-line option.
            var option = exception.ParamName is { Length: > 0 } name ? "--" + ToKebabCase(name) : "an emulator option";
            var reason = exception.Message.Replace($" (Parameter '{exception.ParamName}')", string.Empty, StringComparison.Ordinal);
            throw new UsageException($"{option} is invalid: {reason}");
        }
        catch (IOException exception)
        {
            throw new EmulatorStartException(
                $"the emulator failed to start on port {emulatorOptions.Port}: {exception.Message} Pass another --port, or stop the process that uses it",
                exception);
        }
    }

    private static void WriteAddress(CommandContext context, EmulatorHost emulator)
    {
        if (context.Json)
        {
            JsonDocuments.Write(context.Output, new EmulatorDocument(emulator.BaseAddress.ToString(), emulator.Token, emulator.DataDirectory));
        }
        else
        {
            context.Output.WriteLine($"{ConnectionSettings.ApiUrlVariable}={emulator.BaseAddress}");
            context.Output.WriteLine($"{ConnectionSettings.TokenVariable}={emulator.Token}");
        }

        context.Output.Flush();
    }

    /// <summary>The running emulator as <c>clevver emulator --json</c> writes it.</summary>
    /// <param name="ApiUrl">The base URL of the API, with a trailing slash.</param>
    /// <param name="Token">The bearer token that requests must send.</param>
    /// <param name="DataDirectory">The full path of the directory with the uploaded files.</param>
    private sealed record EmulatorDocument(string ApiUrl, string Token, string DataDirectory);

    private static string ToKebabCase(string name) => name == "DataDirectory"
        ? "data-dir"
        : string.Concat(name.Select((character, index) => char.IsUpper(character) && index > 0 ? "-" + char.ToLowerInvariant(character) : char.ToLowerInvariant(character).ToString()));
}
