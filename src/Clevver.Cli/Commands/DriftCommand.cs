using System.CommandLine;
using System.Net.Http.Headers;
using Clevver.Cli.CommandLine;
using Clevver.Cli.Drift;
using Clevver.Cli.Output;

namespace Clevver.Cli.Commands;

/// <summary>
/// The <c>clevver drift</c> command: validates the server's responses against the contract compiled
/// into this tool. Text output is one line per difference:
/// <c>&lt;kind&gt;  &lt;request&gt;  &lt;JSON path&gt;  &lt;message&gt;</c>.
/// </summary>
internal static class DriftCommand
{
    // A guard for each raw request of the probe; the client's own time limits do not apply to them.
    private static readonly TimeSpan s_requestTimeout = TimeSpan.FromSeconds(100);

    public static Command Create(SharedOptions options)
    {
        var write = new Option<bool>("--write")
        {
            Description = "Also create a batch, upload a generated 64-byte file into it, start it and get it, and validate those " +
                "responses. On the production API this stores the file permanently and is billed.",
        };
        var command = new Command(
            "drift",
            "Send read-only requests (list the active batches, get one of them) and report every difference between the " +
            "responses and the API contract compiled into this tool: unknown fields, unknown enum values, missing fields and " +
            "type differences, one line each with its JSON path. Exits with 7 when there is a difference.") { write };
        CommandRunner.SetAction(command, options, async context =>
        {
            var contract = ContractSchemas.LoadEmbedded(strict: true);

            await using var connection = await context.ConnectAsync();
            using var http = new HttpClient { BaseAddress = connection.BaseAddress, Timeout = s_requestTimeout };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", connection.Token);
            var probe = new DriftProbe(http, contract, context.Requests);
            var report = await probe.RunAsync(context.ParseResult.GetValue(write), context.CancellationToken);

            Write(context, report);
            if (report.Findings.Count > 0)
            {
                throw new DriftDetectedException(report.Findings.Count, report.Requests.Count);
            }
        });
        return command;
    }

    private static void Write(CommandContext context, DriftReport report)
    {
        if (context.Json)
        {
            JsonDocuments.Write(context.Output, DriftDocument.From(report));
            return;
        }

        foreach (var finding in report.Findings)
        {
            context.Output.WriteLine(finding.ToString());
        }

        if (report.Findings.Count == 0)
        {
            context.Output.WriteLine($"no drift: {report.Requests.Count} response(s) match the contract.");
        }
    }
}
