namespace Clevver.Emulator;

/// <summary>
/// The emulator's log messages. None of them contains a bearer token or file contents.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Emulator listening on {BaseAddress}, storing files in {DataDirectory}")]
    public static partial void EmulatorStarted(ILogger logger, Uri baseAddress, string dataDirectory);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Emulator stopped")]
    public static partial void EmulatorStopped(ILogger logger);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Failed to delete the data directory {DataDirectory}")]
    public static partial void DataDirectoryDeleteFailed(ILogger logger, string dataDirectory, Exception exception);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Batch {BatchId} created")]
    public static partial void BatchCreated(ILogger logger, Guid batchId);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Batch {BatchId} started with {FileCount} files")]
    public static partial void BatchStarted(ILogger logger, Guid batchId, int fileCount);

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "File stored in batch {BatchId} as asset {AssetId}: {Size} bytes, SHA-256 {Checksum}")]
    public static partial void FileStored(ILogger logger, Guid batchId, Guid assetId, long size, string checksum);

    [LoggerMessage(EventId = 21, Level = LogLevel.Information, Message = "Upload into batch {BatchId} stopped because the client aborted the request")]
    public static partial void UploadAborted(ILogger logger, Guid batchId);

    [LoggerMessage(EventId = 22, Level = LogLevel.Warning, Message = "Failed to delete the incomplete upload {Path}")]
    public static partial void IncompleteUploadDeleteFailed(ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 30, Level = LogLevel.Warning, Message = "{Method} {Path} returned {StatusCode}: {Reason}")]
    public static partial void ErrorReturned(ILogger logger, string method, string path, int statusCode, string reason);

    [LoggerMessage(EventId = 31, Level = LogLevel.Error, Message = "{Method} {Path} failed with an unhandled exception")]
    public static partial void UnhandledException(ILogger logger, string method, string path, Exception exception);

    [LoggerMessage(EventId = 40, Level = LogLevel.Information, Message = "Injecting fault {Kind} into {Method} {Path}")]
    public static partial void FaultInjected(ILogger logger, FaultKind kind, string method, string path);

    [LoggerMessage(EventId = 50, Level = LogLevel.Information, Message = "Loaded {BatchCount} batches with {FileCount} files from {DataDirectory}")]
    public static partial void StateLoaded(ILogger logger, int batchCount, int fileCount, string dataDirectory);

    [LoggerMessage(EventId = 51, Level = LogLevel.Information, Message = "Deleted {Path}, an incomplete file left by an earlier emulator")]
    public static partial void LeftoverFileDeleted(ILogger logger, string path);

    [LoggerMessage(EventId = 52, Level = LogLevel.Warning, Message = "Skipped {Path} while loading the data directory: {Reason}")]
    public static partial void MetadataSkipped(ILogger logger, string path, string reason);
}
