using System.Globalization;
using Clevver.Generated;

namespace Clevver.Cli.Output;

/// <summary>
/// Writes one line per step of <c>clevver store</c>: the batch's creation, each file's upload, the
/// start, and each change of the batch's status or whole percent while it is stored.
/// </summary>
internal sealed class PlainStoreDisplay(TextWriter output) : StoreDisplay, IProgress<StoreProgress>
{
    private string? _uploadingFile;
    private long _uploadedBytes;
    private string? _lastBatchState;

    public override Task<StoreResult> RunAsync(Func<IProgress<StoreProgress>, Task<StoreResult>> store) => store(this);

    public void Report(StoreProgress value)
    {
        switch (value.Stage)
        {
            case StoreStage.Creating:
                output.WriteLine("creating a batch");
                break;
            case StoreStage.Uploading when value.Upload is UploadProgress upload:
                ReportUpload(value.BatchId, upload);
                break;
            case StoreStage.Starting:
                output.WriteLine($"starting batch {value.BatchId}");
                break;
            case StoreStage.Waiting when value.Batch is Batch batch:
                ReportBatch(batch);
                break;
        }
    }

    private void ReportUpload(Guid? batchId, UploadProgress upload)
    {
        // The client reports after each chunk, so a new file shows as a new name or a smaller count.
        var isNewFile = upload.FileName != _uploadingFile || upload.BytesSent < _uploadedBytes;
        _uploadingFile = upload.FileName;
        _uploadedBytes = upload.BytesSent;
        if (isNewFile)
        {
            var size = upload.TotalBytes is long total ? ByteSize.Format(total) : "unknown size";
            output.WriteLine($"uploading {upload.FileName} ({size}) into batch {batchId}");
        }
    }

    private void ReportBatch(Batch batch)
    {
        var state = string.Create(CultureInfo.InvariantCulture, $"{batch.Status.Value} {Math.Floor(batch.Progress):0}%");
        if (state != _lastBatchState)
        {
            _lastBatchState = state;
            output.WriteLine($"batch {batch.Id}: {state}");
        }
    }
}
