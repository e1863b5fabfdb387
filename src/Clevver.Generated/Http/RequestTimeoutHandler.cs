namespace Clevver.Generated;

/// <summary>
/// Applies <see cref="ClevverClientOptions.RequestTimeout"/> or, for uploads,
/// <see cref="ClevverClientOptions.UploadTimeout"/> to each request, and reports an expired limit as
/// <see cref="ClevverTimeoutException"/> rather than as a cancellation.
/// </summary>
internal sealed class RequestTimeoutHandler(ClevverClientOptions options) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var isUpload = request.Content is MultipartUploadContent;
        var limit = isUpload ? options.UploadTimeout : options.RequestTimeout;
        if (limit == Timeout.InfiniteTimeSpan)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        using var timeout = new CancellationTokenSource(limit, options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await base.SendAsync(request, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            var setting = isUpload ? nameof(ClevverClientOptions.UploadTimeout) : nameof(ClevverClientOptions.RequestTimeout);
            throw new ClevverTimeoutException(
                $"{request.Method} {request.RequestUri?.AbsolutePath} timed out after {limit}. Check that the server is reachable, or raise ClevverClientOptions.{setting}.",
                exception);
        }
    }
}
