using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using Clevver.Cli.CommandLine;
using Clevver.Cli.Errors;

// Ctrl+C cancels the running command through this token. A second Ctrl+C ends the process at once.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, eventArgs) =>
{
    eventArgs.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
};

var root = CommandTree.Create();
var parseResult = root.Parse(args);

// Parse errors get the same one-line form and exit code as every other usage error.
if (parseResult.Action is ParseErrorAction)
{
    var messages = string.Join(' ', parseResult.Errors.Select(error => error.Message).Distinct());
    return ErrorReporter.ForConsole().ReportUsage($"{messages} Run '{CommandPath(parseResult)} --help' for usage.");
}

var configuration = new InvocationConfiguration
{
    // Cancellation comes from the handler above, and CommandRunner reports every exception.
    ProcessTerminationTimeout = null,
    EnableDefaultExceptionHandler = false,
};
return await parseResult.InvokeAsync(configuration, cancellation.Token);

static string CommandPath(ParseResult parseResult)
{
    var names = new List<string>();
    for (SymbolResult? result = parseResult.CommandResult; result is CommandResult command; result = command.Parent)
    {
        names.Insert(0, command.Command.Name);
    }

    return string.Join(' ', names);
}
