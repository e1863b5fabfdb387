using Microsoft.Extensions.Logging;

namespace Clevver.Generated;

/// <summary>
/// The client's log events. Their ids are stable: dashboards and alerts may filter on them. No event
/// takes a token or file contents, and header values pass through <see cref="HeaderRedactor"/> first.
/// </summary>
/// <remarks>Event ids 1 to 99 are the request and workflow events below.</remarks>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, EventName = "RequestStarting", Level = LogLevel.Debug,
        Message = "Sending {Method} {Path}.")]
    public static partial void RequestStarting(ILogger logger, string method, string path);

    [LoggerMessage(EventId = 2, EventName = "RequestCompleted", Level = LogLevel.Information,
        Message = "{Method} {Path} returned {StatusCode} in {ElapsedMilliseconds:0} ms.")]
    public static partial void RequestCompleted(ILogger logger, string method, string path, int statusCode, double elapsedMilliseconds);

    [LoggerMessage(EventId = 3, EventName = "RequestFailed", Level = LogLevel.Warning,
        Message = "{Method} {Path} failed after {ElapsedMilliseconds:0} ms.")]
    public static partial void RequestFailed(ILogger logger, string method, string path, double elapsedMilliseconds, Exception exception);

    [LoggerMessage(EventId = 4, EventName = "RequestHeaders", Level = LogLevel.Trace,
        Message = "{Method} {Path} request headers: {Headers}")]
    public static partial void RequestHeaders(ILogger logger, string method, string path, string headers);

    [LoggerMessage(EventId = 5, EventName = "ResponseHeaders", Level = LogLevel.Trace,
        Message = "{Method} {Path} response headers: {Headers}")]
    public static partial void ResponseHeaders(ILogger logger, string method, string path, string headers);

    [LoggerMessage(EventId = 10, EventName = "BatchPolled", Level = LogLevel.Debug,
        Message = "Batch {BatchId} is {Status} at {Progress}% progress.")]
    public static partial void BatchPolled(ILogger logger, Guid batchId, string status, double progress);

    [LoggerMessage(EventId = 11, EventName = "BatchPollFailed", Level = LogLevel.Warning,
        Message = "A poll of batch {BatchId} failed; polling again in {Delay}.")]
    public static partial void BatchPollFailed(ILogger logger, Guid batchId, TimeSpan delay, Exception exception);

    [LoggerMessage(EventId = 12, EventName = "BatchDelivered", Level = LogLevel.Information,
        Message = "Batch {BatchId} is delivered.")]
    public static partial void BatchDelivered(ILogger logger, Guid batchId);

    [LoggerMessage(EventId = 20, EventName = "ChecksumVerified", Level = LogLevel.Information,
        Message = "Upload of '{FileName}' into batch {BatchId} verified: asset {AssetId}, {Size} bytes, SHA-256 {Sha256}.")]
    public static partial void ChecksumVerified(ILogger logger, string fileName, Guid batchId, Guid assetId, long size, string sha256);

    [LoggerMessage(EventId = 21, EventName = "ChecksumMismatched", Level = LogLevel.Error,
        Message = "Upload of '{FileName}' into batch {BatchId} does not match: asset {AssetId}, local SHA-256 {LocalSha256} and {LocalSize} bytes, server SHA-256 {ServerSha256} and {ServerSize} bytes.")]
    public static partial void ChecksumMismatched(ILogger logger, string fileName, Guid batchId, Guid assetId, string localSha256, long localSize, string serverSha256, long serverSize);
}
