using System.Net;

namespace Clevver.Generated;

/// <summary>The operations of the API, grouped by what repeating their request can do.</summary>
internal enum RequestKind
{
    /// <summary>A GET, which changes nothing and may be repeated.</summary>
    Read,

    /// <summary><c>POST batches</c>: a repeat may create a second batch.</summary>
    Create,

    /// <summary><c>POST batches/{id}/start</c>: a repeat is rejected with 422 and stores nothing twice.</summary>
    Start,

    /// <summary><c>POST batches/{id}/files</c>: a repeat may store the file twice.</summary>
    Upload,
}

/// <summary>Decides which failed attempts of a request may be sent again.</summary>
internal static class RetryRules
{
    public static RequestKind Classify(HttpRequestMessage request)
    {
        if (request.Method == HttpMethod.Get || request.Method == HttpMethod.Head)
        {
            return RequestKind.Read;
        }

        var path = request.RequestUri is { IsAbsoluteUri: true } uri ? uri.AbsolutePath : request.RequestUri?.OriginalString ?? string.Empty;
        if (request.Content is MultipartUploadContent || path.EndsWith("/files", StringComparison.Ordinal))
        {
            return RequestKind.Upload;
        }

        return path.EndsWith("/start", StringComparison.Ordinal) ? RequestKind.Start : RequestKind.Create;
    }

    /// <summary>
    /// True for 408, 429 and every 5xx status: a repeated request may succeed.
    /// </summary>
    public static bool IsTransientStatus(HttpStatusCode status) => (int)status is 408 or 429 or >= 500;

    /// <summary>
    /// True when the connection could not be opened or the host name not resolved, so no byte of the
    /// request reached the server. A failure after the connection was open may follow a request that
    /// the server received and handled.
    /// </summary>
    public static bool FailedBeforeSending(Exception exception) =>
        exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError };

    /// <summary>True for a failure of the network or of the response body while it was read.</summary>
    public static bool IsNetworkFailure(Exception exception) =>
        exception is HttpRequestException or IOException;

    /// <summary>
    /// Returns whether a failed attempt of a request of <paramref name="kind"/> may be repeated:
    /// reads and starts on network failures and transient statuses, creates only when nothing was
    /// sent, and uploads never here, because <see cref="BatchesClient.UploadAsync(Guid, Stream, string, IProgress{UploadProgress}?, CancellationToken)"/>
    /// repeats them with a new body.
    /// </summary>
    public static bool ShouldRetry(RequestKind kind, HttpResponseMessage? response, Exception? exception) => kind switch
    {
        RequestKind.Read or RequestKind.Start =>
            response is not null ? IsTransientStatus(response.StatusCode) : exception is not null && IsNetworkFailure(exception),
        RequestKind.Create => exception is not null && FailedBeforeSending(exception),
        _ => false,
    };

    /// <summary>Describes a failed attempt for the log, without any header or body.</summary>
    public static string Describe(HttpResponseMessage? response, Exception? exception) =>
        response is not null
            ? $"status {(int)response.StatusCode}"
            : exception is HttpRequestException { HttpRequestError: var error } ? $"{exception.GetType().Name} ({error})" : exception?.GetType().Name ?? "no response";
}
