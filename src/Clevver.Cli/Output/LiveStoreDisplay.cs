using Clevver.Generated;
using Spectre.Console;

namespace Clevver.Cli.Output;

/// <summary>
/// Draws a live display on the terminal: one bar per file with the bytes sent, and one bar for the
/// batch's storage progress.
/// </summary>
internal sealed class LiveStoreDisplay(IReadOnlyList<string> paths) : StoreDisplay
{
    public override Task<StoreResult> RunAsync(Func<IProgress<StoreProgress>, Task<StoreResult>> store)
    {
        return AnsiConsole.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .StartAsync(context => store(new Receiver(context, paths)));
    }

    /// <summary>Moves the bars. Spectre.Console's tasks may be updated from any thread.</summary>
    private sealed class Receiver : IProgress<StoreProgress>
    {
        private readonly List<(string Name, long Size, ProgressTask Task)> _files = [];
        private readonly ProgressTask _batch;
        private int _current = -1;
        private long _currentBytes;

        public Receiver(ProgressContext context, IReadOnlyList<string> paths)
        {
            foreach (var path in paths)
            {
                var name = Path.GetFileName(path);
                var size = new FileInfo(path).Length;
                // A bar needs a maximum above zero, so an empty file counts as one step.
                var task = context.AddTask(Describe(name, 0, size), autoStart: false, maxValue: Math.Max(size, 1));
                _files.Add((name, size, task));
            }

            _batch = context.AddTask("batch: waiting for the uploads", autoStart: false, maxValue: 100);
        }

        public void Report(StoreProgress value)
        {
            switch (value.Stage)
            {
                case StoreStage.Uploading when value.Upload is UploadProgress upload:
                    ReportUpload(upload);
                    break;
                case StoreStage.Starting:
                    CompleteFiles(_files.Count);
                    _batch.StartTask();
                    _batch.Description = Markup.Escape($"batch {value.BatchId}: starting");
                    break;
                case StoreStage.Waiting or StoreStage.Delivered when value.Batch is Batch batch:
                    _batch.Value = batch.Progress;
                    _batch.Description = Markup.Escape($"batch {batch.Id}: {batch.Status.Value}");
                    break;
            }
        }

        private void ReportUpload(UploadProgress upload)
        {
            // The client reports after each chunk, so a new file shows as a new name or a smaller
            // count. Empty files send no report; the search by name skips them.
            var isNewFile = _current < 0 || upload.FileName != _files[_current].Name || upload.BytesSent < _currentBytes;
            if (isNewFile)
            {
                var next = _files.FindIndex(_current + 1, file => file.Name == upload.FileName);
                CompleteFiles(next < 0 ? _current + 1 : next);
                _current = next < 0 ? Math.Min(_current + 1, _files.Count - 1) : next;
                _files[_current].Task.StartTask();
            }

            _currentBytes = upload.BytesSent;
            var (name, size, task) = _files[_current];
            task.Value = upload.BytesSent;
            task.Description = Describe(name, upload.BytesSent, upload.TotalBytes ?? size);
        }

        /// <summary>Fills the bars of the files before <paramref name="end"/>, which were all sent.</summary>
        private void CompleteFiles(int end)
        {
            for (var i = Math.Max(_current, 0); i < end; i++)
            {
                var (name, size, task) = _files[i];
                task.Value = task.MaxValue;
                task.Description = Describe(name, size, size);
                task.StopTask();
            }
        }

        private static string Describe(string name, long sent, long total) =>
            Markup.Escape($"{name}: {ByteSize.Format(sent)} of {ByteSize.Format(total)}");
    }
}
