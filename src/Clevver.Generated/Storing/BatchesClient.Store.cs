namespace Clevver.Generated;

public partial interface IBatchesClient
{
    /// <summary>
    /// Stores files: checks that every file exists, creates a batch, uploads and verifies each file,
    /// starts the batch and waits until it is delivered.
    /// </summary>
    /// <param name="paths">The files to store, at least one.</param>
    /// <param name="progress">Receives each step and the bytes sent.</param>
    /// <param name="cancellationToken">Stops storing. Files already uploaded stay in the unstarted batch.</param>
    /// <returns>The delivered batch and each file's verified upload.</returns>
    /// <exception cref="ArgumentException">No paths were given, or a path is a directory.</exception>
    /// <exception cref="FileNotFoundException">A file does not exist; nothing was sent.</exception>
    /// <exception cref="ClevverChecksumMismatchException">The server's copy of a file differs from the bytes sent; the batch is not started.</exception>
    /// <exception cref="ClevverTimeoutException">The batch was not delivered in time.</exception>
    /// <exception cref="ClevverApiException">The server rejected a request.</exception>
    Task<StoreResult> StoreAsync(IReadOnlyList<string> paths, IProgress<StoreProgress>? progress = null, CancellationToken cancellationToken = default);
}

public partial class BatchesClient
{
    /// <inheritdoc />
    public virtual async Task<StoreResult> StoreAsync(IReadOnlyList<string> paths, IProgress<StoreProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (paths.Count == 0)
        {
            throw new ArgumentException("No files were given. Pass at least one file path.", nameof(paths));
        }

        using var activity = ClevverActivitySource.Source.StartActivity("clevver.store");
        activity?.SetTag(ClevverActivitySource.FileCountTag, paths.Count);
        try
        {
            return await StoreCoreAsync(paths, progress, activity, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            ClevverActivitySource.SetError(activity, exception);
            throw;
        }
    }

    private async Task<StoreResult> StoreCoreAsync(IReadOnlyList<string> paths, IProgress<StoreProgress>? progress, System.Diagnostics.Activity? activity, CancellationToken cancellationToken)
    {
        // Every file is checked before the batch is created, so a typo costs no batch.
        progress?.Report(new StoreProgress(StoreStage.Checking, null, null, null));
        foreach (var path in paths)
        {
            EnsureReadableFile(path);
        }

        progress?.Report(new StoreProgress(StoreStage.Creating, null, null, null));
        var created = await CreateAsync(cancellationToken).ConfigureAwait(false);
        var batchId = created.Data.Id;
        activity?.SetTag(ClevverActivitySource.BatchIdTag, batchId.ToString());

        var files = new List<StoredFile>(paths.Count);
        foreach (var path in paths)
        {
            var uploadProgress = progress is null
                ? null
                : new SynchronousProgress<UploadProgress>(upload => progress.Report(new StoreProgress(StoreStage.Uploading, batchId, upload, null)));
            var upload = await UploadAsync(batchId, path, uploadProgress, cancellationToken).ConfigureAwait(false);
            files.Add(new StoredFile(path, upload));
        }

        progress?.Report(new StoreProgress(StoreStage.Starting, batchId, null, null));
        await StartAsync(batchId, cancellationToken).ConfigureAwait(false);

        var batchProgress = progress is null
            ? null
            : new SynchronousProgress<Batch>(batch => progress.Report(new StoreProgress(StoreStage.Waiting, batchId, null, batch)));
        var delivered = await WaitForDeliveryAsync(batchId, batchProgress, cancellationToken).ConfigureAwait(false);
        progress?.Report(new StoreProgress(StoreStage.Delivered, batchId, null, delivered));

        return new StoreResult(delivered, files);
    }

    private static void EnsureReadableFile(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException("A file path is empty. Pass the path of an existing file.", nameof(path));
        }

        if (Directory.Exists(path))
        {
            throw new ArgumentException($"'{path}' is a directory. Pass the paths of files.", nameof(path));
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The file '{path}' does not exist. Check the path.", path);
        }

        // Opening proves the file is readable now, before any request is sent.
        using var _ = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1);
    }

    /// <summary>Reports on the caller's thread, unlike <see cref="Progress{T}"/>, which posts to a context.</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
