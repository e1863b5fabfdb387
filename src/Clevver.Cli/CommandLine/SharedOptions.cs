using System.CommandLine;
using Clevver.Cli.Connection;

namespace Clevver.Cli.CommandLine;

/// <summary>The options that every command accepts. They are recursive, so each subcommand inherits them.</summary>
internal sealed class SharedOptions
{
    public Option<string?> ApiUrl { get; } = new("--api-url")
    {
        Description = $"Base URL of the Clevver API. Default: ${ConnectionSettings.ApiUrlVariable} if set, else https://clevver.org/api.",
        HelpName = "url",
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Write one JSON document with snake_case names to standard output instead of text.",
        Recursive = true,
    };

    public Option<bool> Emulator { get; } = new("--emulator")
    {
        Description = "Start a local emulator on a free 127.0.0.1 port with a throwaway token, send the requests to it, " +
            $"and stop it when the command ends. Its batches are delivered {ConnectionSettings.EmulatorDeliveryTime.TotalSeconds:0} seconds after the start. " +
            $"Without it, the token comes from ${ConnectionSettings.TokenVariable}.",
        Recursive = true,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(ApiUrl);
        command.Options.Add(Json);
        command.Options.Add(Emulator);
    }
}
