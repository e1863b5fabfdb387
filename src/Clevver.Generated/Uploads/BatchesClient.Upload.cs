namespace Clevver.Generated;

/// <summary>The Batches operations, as an interface so that callers can replace the client in their own tests.</summary>
public partial interface IBatchesClient
{
    /// <summary>
    /// Uploads a file from disk into a batch, computing its SHA-256 in the same pass, and verifies the
    /// server's checksum and size against it.
    /// </summary>
    /// <remarks>
    /// The upload is retried, up to <see cref="ClevverClientOptions.MaxRetries"/> times, only when the
    /// connection could not be opened or the host name not resolved, so that the server cannot have
    /// stored the file, and only while a GET shows the batch still <c>created</c>. Each retry reads the
    /// file again from its start and computes its SHA-256 again. Any other failure is raised at once,
    /// because the server may have stored the file, and sending it again could store it twice.
    /// An empty file is uploaded like any other.
    /// </remarks>
    /// <param name="batchId">The batch, which must not have been started.</param>
    /// <param name="path">Path of the file. Its name is sent as the file name.</param>
    /// <param name="progress">Receives the bytes sent so far.</param>
    /// <param name="cancellationToken">Stops the upload at once.</param>
    /// <returns>The verified asset.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="ClevverChecksumMismatchException">The server's checksum or size differs from the bytes sent.</exception>
    /// <exception cref="ClevverApiException">The server rejected the upload.</exception>
    Task<UploadResult> UploadAsync(Guid batchId, string path, IProgress<UploadProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Uploads the rest of a stream into a batch, computing its SHA-256 in the same pass, and verifies
    /// the server's checksum and size against it. The stream is not disposed.
    /// </summary>
    /// <remarks>
    /// A seekable stream is retried as <see cref="UploadAsync(Guid, string, IProgress{UploadProgress}?, CancellationToken)"/>
    /// describes; a stream that cannot seek is sent once.
    /// </remarks>
    /// <param name="batchId">The batch, which must not have been started.</param>
    /// <param name="content">
    /// The bytes to upload, read from the current position. A seekable stream is read again from that
    /// position when the upload is retried; the stream is never disposed.
    /// </param>
    /// <param name="fileName">The file name to send. Any characters are allowed; they are encoded per RFC 6266.</param>
    /// <param name="progress">Receives the bytes sent so far.</param>
    /// <param name="cancellationToken">Stops the upload at once.</param>
    /// <returns>The verified asset.</returns>
    /// <exception cref="ArgumentException"><paramref name="fileName"/> is empty or the stream is not readable.</exception>
    /// <exception cref="IOException">The stream's length changed while it was uploaded.</exception>
    /// <exception cref="ClevverChecksumMismatchException">The server's checksum or size differs from the bytes sent.</exception>
    /// <exception cref="ClevverApiException">The server rejected the upload.</exception>
    Task<UploadResult> UploadAsync(Guid batchId, Stream content, string fileName, IProgress<UploadProgress>? progress = null, CancellationToken cancellationToken = default);
}

public partial class BatchesClient
{
    // The generated UploadFileAsync builds its own multipart body. The verified upload runs that same
    // method, so that its status handling and exceptions apply, and swaps in a body that hashes while
    // it streams. PrepareRequest runs synchronously in the caller's flow, so an AsyncLocal reaches it.
    private static readonly AsyncLocal<MultipartUploadContent?> PendingUploadContent = new();

    /// <inheritdoc />
    public virtual async Task<UploadResult> UploadAsync(Guid batchId, string path, IProgress<UploadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);

        var fullPath = Path.GetFullPath(path);
        if (Directory.Exists(fullPath))
        {
            throw new ArgumentException($"'{path}' is a directory. Pass the path of a file.", nameof(path));
        }

        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException($"The file '{path}' does not exist. Check the path.", fullPath);
        }

        await using var file = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan | FileOptions.Asynchronous);
        return await UploadAsync(batchId, file, Path.GetFileName(fullPath), progress, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public virtual async Task<UploadResult> UploadAsync(Guid batchId, Stream content, string fileName, IProgress<UploadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        if (!content.CanRead)
        {
            throw new ArgumentException("The stream is not readable. Pass a stream opened for reading.", nameof(content));
        }

        long? length = content.CanSeek ? content.Length - content.Position : null;
        using var activity = ClevverActivitySource.Source.StartActivity("clevver.upload");
        activity?.SetTag(ClevverActivitySource.BatchIdTag, batchId.ToString());
        activity?.SetTag(ClevverActivitySource.FileNameTag, fileName);
        activity?.SetTag(ClevverActivitySource.FileSizeTag, length);

        try
        {
            var (body, response) = await SendUploadWithRetriesAsync(batchId, content, fileName, progress, cancellationToken).ConfigureAwait(false);
            var result = Verify(batchId, body, response);
            activity?.SetTag(ClevverActivitySource.FileSizeTag, result.Size);
            activity?.SetTag(ClevverActivitySource.AssetIdTag, result.Asset.Id.ToString());
            return result;
        }
        catch (Exception exception)
        {
            ClevverActivitySource.SetError(activity, exception);
            throw;
        }
    }

    private async Task<UploadResponse> SendUploadAsync(Guid batchId, MultipartUploadContent body, CancellationToken cancellationToken)
    {
        PendingUploadContent.Value = body;
        try
        {
            // The placeholder is never sent, because PrepareRequest replaces the body. Its name is fixed
            // because MultipartFormDataContent rejects names with quotes or line breaks.
            return await UploadFileAsync(batchId, new FileParameter(Stream.Null, "placeholder"), cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException) when (body.SourceChangedError is { } sourceChanged)
        {
            // HttpClient wraps errors of the body in HttpRequestException; a changed file is the
            // caller's problem, not the network's, so its own error is raised.
            throw sourceChanged;
        }
        finally
        {
            PendingUploadContent.Value = null;
        }
    }

    private static void ReplaceUploadContent(HttpRequestMessage request)
    {
        var body = PendingUploadContent.Value;
        if (body is null || request.Content is not MultipartFormDataContent)
        {
            return;
        }

        PendingUploadContent.Value = null;
        request.Content.Dispose();
        request.Content = body;

        // Expect: 100-continue (RFC 9110 section 10.1.1) lets the server reject the upload, for
        // example with 413 or 422, before the file is sent. A server that closes the connection
        // after an early error would otherwise turn it into a network error while the body is written.
        request.Headers.ExpectContinue = true;
    }

    private UploadResult Verify(Guid batchId, MultipartUploadContent body, UploadResponse response)
    {
        if (response.Data is null)
        {
            throw new InvalidDataException("The upload response has no 'data' object, so the stored file cannot be verified.");
        }

        var asset = response.Data;
        var sha256 = body.Sha256 ?? throw new InvalidOperationException("The upload body was not written, so there is no checksum to compare.");
        if (!Sha256Hex.AreEqual(asset.Checksum, sha256) || asset.FileSize != body.BytesWritten)
        {
            Log.ChecksumMismatched(Logger, body.FileName, batchId, asset.Id, sha256, body.BytesWritten, asset.Checksum, asset.FileSize);
            throw new ClevverChecksumMismatchException(body.FileName, sha256, body.BytesWritten, asset);
        }

        Log.ChecksumVerified(Logger, body.FileName, batchId, asset.Id, body.BytesWritten, sha256);
        return new UploadResult(asset, body.FileName, body.BytesWritten, sha256, response.Message);
    }
}
