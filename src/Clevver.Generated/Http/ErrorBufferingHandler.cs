namespace Clevver.Generated;

/// <summary>
/// Buffers the body of an error response, up to <see cref="ErrorResponseReader.MaxBodyBytes"/>,
/// asynchronously, so that the synchronous error handling after it reads from memory.
/// </summary>
internal sealed class ErrorBufferingHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode && response.Content.Headers.ContentLength is null or <= ErrorResponseReader.MaxBodyBytes)
        {
            try
            {
                await response.Content.LoadIntoBufferAsync(ErrorResponseReader.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException)
            {
                // Larger than the limit without a Content-Length: the error reader cuts it instead.
            }
        }

        return response;
    }
}
