using System.CommandLine;
using Clevver.Cli.CommandLine;
using Clevver.Cli.Output;
using Clevver.Generated;

namespace Clevver.Cli.Commands;

/// <summary>
/// The <c>clevver batches</c> commands, one per API operation. Text output is one line per batch:
/// <c>&lt;id&gt;  &lt;status&gt;  &lt;progress&gt;%  &lt;created_at&gt; UTC</c>.
/// </summary>
internal static class BatchesCommands
{
    public static Command Create(SharedOptions options)
    {
        var batches = new Command("batches", "Create, fill, start and inspect batches one step at a time.");
        batches.Subcommands.Add(CreateList(options));
        batches.Subcommands.Add(CreateCreate(options));
        batches.Subcommands.Add(CreateGet(options));
        batches.Subcommands.Add(CreateStart(options));
        batches.Subcommands.Add(CreateUpload(options));
        return batches;
    }

    private static Command CreateList(SharedOptions options)
    {
        var command = new Command("list", "List the active batches. The API does not define 'active'; the emulator lists the started batches that are not delivered yet. With --json, writes an array of batches.");
        CommandRunner.SetAction(command, options, async context =>
        {
            await using var connection = await context.ConnectAsync();
            context.Requests.Begin("GET", "batches");
            var response = await connection.Client.Batches.ListActiveAsync(context.CancellationToken);

            var batches = response.Data.ToList();
            if (context.Json)
            {
                JsonDocuments.Write(context.Output, batches.Select(BatchDocument.From).ToList());
                return;
            }

            foreach (var batch in batches)
            {
                context.Output.WriteLine(TextLines.Batch(batch));
            }
        });
        return command;
    }

    private static Command CreateCreate(SharedOptions options)
    {
        var command = new Command("create", "Create an empty batch and print it. Upload files into it with 'clevver batches upload'.");
        CommandRunner.SetAction(command, options, async context =>
        {
            await using var connection = await context.ConnectAsync();
            context.Requests.Begin("POST", "batches");
            var response = await connection.Client.Batches.CreateAsync(context.CancellationToken);

            WriteBatch(context, response.Data);
        });
        return command;
    }

    private static Command CreateGet(SharedOptions options)
    {
        var id = BatchIdArgument.Create();
        var command = new Command("get", "Print a batch with its status and storage progress.") { id };
        CommandRunner.SetAction(command, options, async context =>
        {
            var batchId = context.ParseResult.GetValue(id);

            await using var connection = await context.ConnectAsync();
            context.Requests.Begin("GET", $"batches/{batchId}");
            var response = await connection.Client.Batches.GetAsync(batchId, context.CancellationToken);

            WriteBatch(context, response.Data);
        });
        return command;
    }

    private static Command CreateStart(SharedOptions options)
    {
        var id = BatchIdArgument.Create();
        var command = new Command("start", "Start storing a batch's files on the blockchain and print the batch. It must contain at least one file.") { id };
        CommandRunner.SetAction(command, options, async context =>
        {
            var batchId = context.ParseResult.GetValue(id);

            await using var connection = await context.ConnectAsync();
            context.Requests.Begin("POST", $"batches/{batchId}/start");
            var response = await connection.Client.Batches.StartAsync(batchId, context.CancellationToken);

            WriteBatch(context, response.Data);
        });
        return command;
    }

    private static Command CreateUpload(SharedOptions options)
    {
        var id = BatchIdArgument.Create();
        var file = new Argument<string>("file") { Description = "Path of the file to upload. Its name is sent as the file name." };
        var command = new Command(
            "upload",
            "Upload a file into a batch that was not started, verify the server's SHA-256 and size, and print " +
            "'<name>  <size>  <sha256>  <asset id>'.") { id, file };
        CommandRunner.SetAction(command, options, async context =>
        {
            var batchId = context.ParseResult.GetValue(id);
            var path = context.ParseResult.GetRequiredValue(file);
            LocalFiles.CheckReadable([path]);

            await using var connection = await context.ConnectAsync();
            context.Requests.Begin("POST", $"batches/{batchId}/files");
            var upload = await connection.Client.Batches.UploadAsync(batchId, path, progress: null, context.CancellationToken);

            if (context.Json)
            {
                JsonDocuments.Write(context.Output, FileDocument.From(path, upload));
                return;
            }

            context.Output.WriteLine(TextLines.Files([upload]).Single());
        });
        return command;
    }

    private static void WriteBatch(CommandContext context, Batch batch)
    {
        if (context.Json)
        {
            JsonDocuments.Write(context.Output, BatchDocument.From(batch));
            return;
        }

        context.Output.WriteLine(TextLines.Batch(batch));
    }
}
