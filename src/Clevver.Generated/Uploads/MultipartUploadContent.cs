using System.Buffers;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Clevver.Generated;

/// <summary>
/// A <c>multipart/form-data</c> body with one <c>file</c> part that streams its source once and
/// computes SHA-256 over exactly the bytes it writes to the network.
/// </summary>
/// <remarks>
/// Memory stays bounded whatever the file size: one pooled buffer of <see cref="BufferSize"/> bytes.
/// The caller's stream is read but never disposed here.
/// </remarks>
internal sealed class MultipartUploadContent : HttpContent
{
    internal const int BufferSize = 128 * 1024;

    private readonly Stream _source;
    private readonly long? _expectedLength;
    private readonly IProgress<UploadProgress>? _progress;
    private readonly byte[] _prefix;
    private readonly byte[] _suffix;
    private int _serializeCount;

    public MultipartUploadContent(Stream source, string fileName, string contentType, long? expectedLength, IProgress<UploadProgress>? progress)
    {
        _source = source;
        _expectedLength = expectedLength;
        _progress = progress;
        FileName = fileName;

        var boundary = "clevver-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var partHeader =
            $"--{boundary}\r\n" +
            $"Content-Disposition: {ContentDispositionFormatter.Format("file", fileName)}\r\n" +
            $"Content-Type: {contentType}\r\n" +
            "\r\n";
        _prefix = Encoding.UTF8.GetBytes(partHeader);
        _suffix = Encoding.ASCII.GetBytes($"\r\n--{boundary}--\r\n");

        // The boundary is a token (RFC 2046 section 5.1.1), so it needs no quotes.
        Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=" + boundary);
    }

    public string FileName { get; }

    /// <summary>Number of file bytes in the source from its position, or null when it cannot seek.</summary>
    public long? FileLength => _expectedLength;

    /// <summary>SHA-256 of the file bytes as lowercase hexadecimal, set once the body was written.</summary>
    public string? Sha256 { get; private set; }

    /// <summary>The error raised when the source changed size during the upload, if it did.</summary>
    public IOException? SourceChangedError { get; private set; }

    /// <summary>Number of file bytes written, set once the body was written.</summary>
    public long BytesWritten { get; private set; }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _serializeCount) > 1)
        {
            // A second pass would hash a stream that was already read to its end.
            throw new InvalidOperationException("This upload body can be sent only once. Create a new upload to send the file again.");
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            await stream.WriteAsync(_prefix, cancellationToken).ConfigureAwait(false);
            // A first report before any byte, so that an empty file shows its upload too.
            _progress?.Report(new UploadProgress(FileName, 0, _expectedLength));
            long total = 0;
            int read;
            while ((read = await _source.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken).ConfigureAwait(false)) > 0)
            {
                total += read;
                if (total > _expectedLength)
                {
                    throw SourceChangedError = new IOException($"'{FileName}' grew while it was uploaded: more than the {_expectedLength} bytes it had at the start. Upload it again once it no longer changes.");
                }

                hash.AppendData(buffer, 0, read);
                await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                _progress?.Report(new UploadProgress(FileName, total, _expectedLength));
            }

            if (_expectedLength is long expected && total != expected)
            {
                throw SourceChangedError = new IOException($"'{FileName}' shrank while it was uploaded: {total} of the {expected} bytes it had at the start. Upload it again once it no longer changes.");
            }

            await stream.WriteAsync(_suffix, cancellationToken).ConfigureAwait(false);
            BytesWritten = total;
            Sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        if (_expectedLength is long fileLength)
        {
            length = _prefix.Length + fileLength + _suffix.Length;
            return true;
        }

        length = 0;
        return false;
    }
}
