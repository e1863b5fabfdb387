using Polly;

namespace Clevver.Generated;

public partial class BatchesClient
{
    /// <summary>
    /// Sends an upload, and sends it again with a new body read from the stream's start position when
    /// <see cref="ClevverResilience.CreateUploadPipeline"/> allows it. Returns the body of the attempt
    /// that succeeded, whose checksum and size are then verified.
    /// </summary>
    private async Task<(MultipartUploadContent Body, UploadResponse Response)> SendUploadWithRetriesAsync(
        Guid batchId, Stream content, string fileName, IProgress<UploadProgress>? progress, CancellationToken cancellationToken)
    {
        var start = content.CanSeek ? content.Position : 0;
        var pipeline = content.CanSeek ? CreateUploadPipeline(batchId, fileName) : ResiliencePipeline.Empty;
        MultipartUploadContent? body = null;
        var response = await pipeline.ExecuteAsync(
            async token =>
            {
                if (content.CanSeek)
                {
                    content.Position = start;
                }

                // A body can be sent once, so each attempt gets a new one, which hashes the bytes again.
                long? length = content.CanSeek ? content.Length - start : null;
                body = new MultipartUploadContent(content, fileName, MediaTypes.FromFileName(fileName), length, progress);
                return await SendUploadAsync(batchId, body, token).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);

        return (body!, response);
    }

    private ResiliencePipeline CreateUploadPipeline(Guid batchId, string fileName)
    {
        var logger = ClevverResilience.CreateLogger(Options);
        return ClevverResilience.CreateUploadPipeline(
            Options,
            (_, token) => IsBatchOpenAsync(batchId, token),
            (exception, delay, retry) => ResilienceLog.UploadRetrying(logger, fileName, batchId, delay, retry, RetryRules.Describe(null, exception)));
    }

    /// <summary>Returns true when a GET shows the batch still accepting files, and false when it fails.</summary>
    private async ValueTask<bool> IsBatchOpenAsync(Guid batchId, CancellationToken cancellationToken)
    {
        try
        {
            var batch = await GetAsync(batchId, cancellationToken).ConfigureAwait(false);
            return batch.Data.Status == BatchStatus.Created;
        }
        catch (Exception exception) when (exception is ClevverApiException or HttpRequestException or IOException or TimeoutException)
        {
            return false;
        }
    }
}
