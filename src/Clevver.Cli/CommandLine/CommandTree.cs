using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using Clevver.Cli.Commands;
using Clevver.Cli.Connection;
using Clevver.Cli.Errors;

namespace Clevver.Cli.CommandLine;

/// <summary>Builds the <c>clevver</c> command tree.</summary>
internal static class CommandTree
{
    public static RootCommand Create()
    {
        var options = new SharedOptions();
        var root = new RootCommand(
            "Store files permanently on the Lynx blockchain through the Clevver Batches API. " +
            $"The API token is read from ${ConnectionSettings.TokenVariable}; it is never passed as an argument or printed.");
        options.AddTo(root);
        root.Subcommands.Add(StoreCommand.Create(options));
        root.Subcommands.Add(BatchesCommands.Create(options));
        root.Subcommands.Add(EmulatorCommand.Create(options));
        root.Subcommands.Add(DriftCommand.Create(options));

        foreach (var option in root.Options)
        {
            if (option is HelpOption { Action: HelpAction help } helpOption)
            {
                helpOption.Action = new HelpWithExitCodesAction(help);
            }
        }

        return root;
    }

    /// <summary>Writes the standard help, followed by the exit codes on the root command's help.</summary>
    private sealed class HelpWithExitCodesAction(HelpAction standardHelp) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var exitCode = standardHelp.Invoke(parseResult);
            if (parseResult.CommandResult.Command is RootCommand)
            {
                parseResult.InvocationConfiguration.Output.WriteLine(ExitCodes.HelpText);
                parseResult.InvocationConfiguration.Output.WriteLine();
            }

            return exitCode;
        }
    }
}
