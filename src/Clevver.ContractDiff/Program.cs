using Clevver.ContractDiff.CommandLine;

// Compares api/baseline/clevver.openapi.yaml with api/clevver.openapi.yaml; see ContractDiffOptions.Usage.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, eventArgs) =>
{
    eventArgs.Cancel = true;
    cancellation.Cancel();
};

return await ContractDiffCommand.RunAsync(
    args,
    Environment.CurrentDirectory,
    Console.Out,
    Console.Error,
    cancellation.Token);
