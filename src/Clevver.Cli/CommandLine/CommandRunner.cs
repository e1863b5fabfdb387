using System.CommandLine;
using Clevver.Cli.Errors;

namespace Clevver.Cli.CommandLine;

/// <summary>Runs command actions and turns their failures into one error line and an exit code.</summary>
internal static class CommandRunner
{
    /// <summary>Sets <paramref name="action"/> as the action of <paramref name="command"/>.</summary>
    public static void SetAction(Command command, SharedOptions options, Func<CommandContext, Task> action)
    {
        command.SetAction((parseResult, cancellationToken) => RunAsync(new CommandContext(parseResult, options, cancellationToken), action));
    }

    private static async Task<int> RunAsync(CommandContext context, Func<CommandContext, Task> action)
    {
        try
        {
            await action(context);
            return ExitCodes.Success;
        }
        catch (Exception exception)
        {
            return ErrorReporter.ForConsole().Report(exception, context.Requests, context.CancellationToken);
        }
    }
}
