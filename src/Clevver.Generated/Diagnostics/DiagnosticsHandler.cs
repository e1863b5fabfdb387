using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Clevver.Generated;

/// <summary>
/// Logs the start and end of every request with its duration, and records each request as an
/// <see cref="Activity"/> of <see cref="ClevverActivitySource"/>. It is the outermost handler, so the
/// duration includes every handler below it.
/// </summary>
internal sealed class DiagnosticsHandler(ILogger logger, TimeProvider timeProvider) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var method = request.Method.Method;
        var path = request.RequestUri?.AbsolutePath ?? string.Empty;
        var route = RequestRoute.From(path);

        using var activity = ClevverActivitySource.Source.StartActivity($"{method} {route.Template}", ActivityKind.Client);
        activity?.SetTag(ClevverActivitySource.HttpMethodTag, method);
        activity?.SetTag(ClevverActivitySource.UrlPathTag, path);
        if (route.BatchId is Guid batchId)
        {
            activity?.SetTag(ClevverActivitySource.BatchIdTag, batchId.ToString());
        }

        if (request.Content is MultipartUploadContent { FileLength: long fileSize })
        {
            activity?.SetTag(ClevverActivitySource.FileSizeTag, fileSize);
        }

        Log.RequestStarting(logger, method, path);
        if (logger.IsEnabled(LogLevel.Trace))
        {
            Log.RequestHeaders(logger, method, path, HeaderRedactor.Format(request.Headers, request.Content?.Headers));
        }

        var started = timeProvider.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var elapsed = timeProvider.GetElapsedTime(started).TotalMilliseconds;

            var statusCode = (int)response.StatusCode;
            activity?.SetTag(ClevverActivitySource.HttpStatusCodeTag, statusCode);
            if (!response.IsSuccessStatusCode)
            {
                // OpenTelemetry's HTTP conventions: the status code is the error type of a failed response.
                activity?.SetTag(ClevverActivitySource.ErrorTypeTag, statusCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
                activity?.SetStatus(ActivityStatusCode.Error, $"The server returned {statusCode}.");
            }

            Log.RequestCompleted(logger, method, path, statusCode, elapsed);
            if (logger.IsEnabled(LogLevel.Trace))
            {
                Log.ResponseHeaders(logger, method, path, HeaderRedactor.Format(response.Headers, response.Content.Headers));
            }

            return response;
        }
        catch (Exception exception)
        {
            Log.RequestFailed(logger, method, path, timeProvider.GetElapsedTime(started).TotalMilliseconds, exception);
            ClevverActivitySource.SetError(activity, exception);
            throw;
        }
    }
}
