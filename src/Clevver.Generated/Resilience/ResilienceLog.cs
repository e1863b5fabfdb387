using Microsoft.Extensions.Logging;

namespace Clevver.Generated;

/// <summary>Log messages of retries. They name requests by method and path, never by token or body.</summary>
internal static partial class ResilienceLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Retrying {Method} {Path} in {Delay} (retry {Retry}) after {Failure}.")]
    public static partial void Retrying(ILogger logger, string method, string path, TimeSpan delay, int retry, string failure);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "The repeated start of {Path} returned 422 and the batch is {Status}, so the start is reported as done.")]
    public static partial void StartConfirmed(ILogger logger, string path, string status);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Retrying the upload of {FileName} into batch {BatchId} in {Delay} (retry {Retry}) after {Failure}.")]
    public static partial void UploadRetrying(ILogger logger, string fileName, Guid batchId, TimeSpan delay, int retry, string failure);
}
