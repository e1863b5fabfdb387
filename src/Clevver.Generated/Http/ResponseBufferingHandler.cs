using System.Net;

namespace Clevver.Generated;

/// <summary>
/// Reads every response body into memory before the response leaves the handler chain: an error
/// body up to <see cref="ErrorResponseReader.MaxBodyBytes"/>, a successful body up to
/// <see cref="ClevverClientOptions.MaxResponseBodyBytes"/>.
/// </summary>
/// <remarks>
/// Reading here, below the retry handler, makes a body cut off by the network a failure of the
/// attempt, which a GET retries, and lets the synchronous JSON and error readers after it read from
/// memory. The bytes are kept as they are, never copied into a string.
/// </remarks>
internal sealed class ResponseBufferingHandler(long maxSuccessBodyBytes) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            await BufferSuccessBodyAsync(response, cancellationToken).ConfigureAwait(false);
        }
        else if (response.Content.Headers.ContentLength is null or <= ErrorResponseReader.MaxBodyBytes)
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

    private async Task BufferSuccessBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength > maxSuccessBodyBytes)
        {
            response.Dispose();
            throw ResponseBodyReader.CreateTooLargeException(response, maxSuccessBodyBytes);
        }

        try
        {
            await response.Content.LoadIntoBufferAsync(maxSuccessBodyBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception) when (exception.HttpRequestError == HttpRequestError.ConfigurationLimitExceeded)
        {
            response.Dispose();
            throw ResponseBodyReader.CreateTooLargeException(response, maxSuccessBodyBytes);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
