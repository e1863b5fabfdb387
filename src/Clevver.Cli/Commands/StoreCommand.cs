using System.CommandLine;
using Clevver.Cli.CommandLine;
using Clevver.Cli.Connection;
using Clevver.Cli.Output;
using Clevver.Generated;

namespace Clevver.Cli.Commands;

/// <summary>
/// <c>clevver store</c>: creates a batch, uploads and verifies each file, starts the batch and waits
/// until it is delivered.
/// </summary>
internal static class StoreCommand
{
    public static Command Create(SharedOptions options)
    {
        var files = new Argument<string[]>("files")
        {
            Description = "The files to store, at least one. All are checked before the batch is created.",
            Arity = ArgumentArity.OneOrMore,
        };
        var quiet = new Option<bool>("--quiet", "-q")
        {
            Description = "Print only the final lines (or the JSON document), without progress.",
        };
        var deliveryTimeout = new Option<int?>("--delivery-timeout")
        {
            Description = "Maximum time in seconds to wait for the batch's delivery after its start. Default: 7200 (2 hours).",
            HelpName = "seconds",
        };
        deliveryTimeout.CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            // The client's time limits end at int.MaxValue milliseconds, about 24.8 days.
            const int MaxSeconds = int.MaxValue / 1000;
            if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and <= MaxSeconds)
            {
                return seconds;
            }

            result.AddError($"--delivery-timeout '{text}' is invalid. Pass a whole, positive number of seconds up to {MaxSeconds}, for example 600.");
            return null;
        };

        var command = new Command(
            "store",
            "Store files permanently: create a batch, upload and verify each file, start the batch and wait until it is delivered. " +
            "Prints one line per file, '<name>  <size>  <sha256>  <asset id>', then 'batch <id> delivered'. " +
            "Progress is drawn live on a terminal, and written as lines to standard error when standard output is redirected or --json is given.")
        {
            files,
            quiet,
            deliveryTimeout,
        };
        CommandRunner.SetAction(command, options, async context =>
        {
            var paths = context.ParseResult.GetRequiredValue(files);
            LocalFiles.CheckReadable(paths);
            var timeout = context.ParseResult.GetValue(deliveryTimeout) is int seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;

            await using var connection = await context.ConnectAsync(timeout);
            var display = StoreDisplay.Create(paths, context.Json, context.ParseResult.GetValue(quiet));
            var result = await display.RunAsync(progress =>
                connection.Client.Batches.StoreAsync(paths, new RequestTrackingProgress(context.Requests, progress), context.CancellationToken));

            WriteResult(context, paths, result);
        });
        return command;
    }

    private static void WriteResult(CommandContext context, IReadOnlyList<string> paths, StoreResult result)
    {
        if (context.Json)
        {
            var files = result.Files.Select(file => FileDocument.From(file.Path, file.Upload)).ToList();
            JsonDocuments.Write(context.Output, new StoreDocument(BatchDocument.From(result.Batch), files));
            return;
        }

        foreach (var line in TextLines.Files(result.Files.Select(file => file.Upload).ToList()))
        {
            context.Output.WriteLine(line);
        }

        context.Output.WriteLine(TextLines.Delivered(result.Batch));
    }

    /// <summary>Records each step's request for error messages, then forwards the progress to the display.</summary>
    private sealed class RequestTrackingProgress(RequestTracker requests, IProgress<StoreProgress> display) : IProgress<StoreProgress>
    {
        private StoreStage? _stage;

        public void Report(StoreProgress value)
        {
            if (value.Stage != _stage)
            {
                _stage = value.Stage;
                Track(value);
            }

            display.Report(value);
        }

        private void Track(StoreProgress value)
        {
            // NOTE: the client reports Waiting only after the first successful poll, so an error of
            // that first poll is named as the start request.
            switch (value.Stage)
            {
                case StoreStage.Creating:
                    requests.Begin("POST", "batches");
                    break;
                case StoreStage.Uploading:
                    requests.Begin("POST", $"batches/{value.BatchId}/files");
                    break;
                case StoreStage.Starting when value.BatchId is Guid startedBatchId:
                    requests.BeginStart(startedBatchId);
                    break;
                case StoreStage.Waiting when value.BatchId is Guid batchId:
                    requests.BeginWaiting(batchId);
                    break;
            }
        }
    }
}
