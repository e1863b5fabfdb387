namespace Clevver.Generated;

/// <summary>The steps of storing files.</summary>
public enum StoreStage
{
    /// <summary>Checking the local files.</summary>
    Checking,

    /// <summary>Creating the batch.</summary>
    Creating,

    /// <summary>Uploading a file into the batch.</summary>
    Uploading,

    /// <summary>Starting the batch.</summary>
    Starting,

    /// <summary>Waiting until the batch is delivered.</summary>
    Waiting,

    /// <summary>The batch is delivered.</summary>
    Delivered,
}

/// <summary>Progress of storing files.</summary>
/// <param name="Stage">The current step.</param>
/// <param name="BatchId">The batch, once it was created.</param>
/// <param name="Upload">Bytes of the current file sent so far, while uploading.</param>
/// <param name="Batch">The batch as last polled, while waiting.</param>
public sealed record StoreProgress(StoreStage Stage, Guid? BatchId, UploadProgress? Upload, Batch? Batch);

/// <summary>One stored file.</summary>
/// <param name="Path">The local path the file was read from.</param>
/// <param name="Upload">The verified upload, with the asset, size and SHA-256.</param>
public sealed record StoredFile(string Path, UploadResult Upload);

/// <summary>The outcome of storing files: the delivered batch and each file's verified upload.</summary>
/// <param name="Batch">The delivered batch.</param>
/// <param name="Files">The stored files, in the order they were given.</param>
public sealed record StoreResult(Batch Batch, IReadOnlyList<StoredFile> Files);
