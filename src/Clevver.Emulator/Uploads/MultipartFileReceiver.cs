using System.Buffers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Clevver.Emulator.Uploads;

/// <summary>
/// Streams the <c>file</c> part of a multipart/form-data request into a temporary file, computing
/// its size and SHA-256 in the same pass. The file is never held in memory as a whole.
/// </summary>
internal sealed class MultipartFileReceiver(AssetFiles files, EmulatorSettings settings, ILogger<MultipartFileReceiver> logger)
{
    /// <summary>The name of the form field that carries the file, as the contract defines it.</summary>
    public const string FilePartName = "file";

    private const int BufferSize = 81920;

    // RFC 2046, section 5.1.1: a boundary has 1 to 70 characters.
    private const int MaxBoundaryLength = 70;

    /// <summary>
    /// Reads the whole request body and stores its one part named <c>file</c>. Other parts, such
    /// as form fields before or after the file, are read and ignored. A body with a second
    /// <c>file</c> part is rejected, because the contract's request has one <c>file</c> field, and
    /// so is a body that ends before its closing boundary.
    /// </summary>
    public async Task<ReceiveResult> ReceiveAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        (string? boundary, string? contentTypeError) = GetBoundary(request.ContentType);
        if (boundary is null)
        {
            return ReceiveResult.Fail(ReceiveFailure.NotMultipart, contentTypeError!);
        }

        try
        {
            return await ReceiveFilePartAsync(new MultipartReader(boundary, request.Body), cancellationToken);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }
        catch (BadHttpRequestException exception)
        {
            return ReceiveResult.Fail(ReceiveFailure.Malformed, $"The request body could not be read: {exception.Message}");
        }
        catch (InvalidDataException exception)
        {
            return ReceiveResult.Fail(ReceiveFailure.Malformed, $"The multipart body is malformed: {exception.Message}");
        }
        catch (IOException exception) when (!cancellationToken.IsCancellationRequested)
        {
            // MultipartReader reports a body that ends before its closing boundary as an IOException.
            return ReceiveResult.Fail(ReceiveFailure.Malformed, $"The multipart body is malformed: {exception.Message}");
        }
    }

    private async Task<ReceiveResult> ReceiveFilePartAsync(MultipartReader reader, CancellationToken cancellationToken)
    {
        MultipartSection? section;
        while ((section = await reader.ReadNextSectionAsync(cancellationToken)) is not null)
        {
            if (!IsFilePart(section, out ContentDispositionHeaderValue? disposition))
            {
                continue;
            }

            string? clientFileName = UploadFileNames.GetClientFileName(disposition!);
            if (string.IsNullOrEmpty(clientFileName))
            {
                return ReceiveResult.Fail(
                    ReceiveFailure.MissingFileName,
                    $"The '{FilePartName}' part has no file name. Send one in the filename or filename* parameter of its Content-Disposition header.");
            }

            ReceiveResult received = await CopyToTemporaryFileAsync(section.Body, clientFileName, cancellationToken);
            if (received.File is not { } file)
            {
                return received;
            }

            return await ReadToClosingBoundaryAsync(reader, file, cancellationToken);
        }

        return ReceiveResult.Fail(ReceiveFailure.NoFilePart, $"The multipart body has no part named '{FilePartName}'. Send the file in a part named '{FilePartName}'.");
    }

    /// <summary>
    /// Reads the parts after the file part up to the closing boundary, and deletes the received
    /// file when the body turns out to be invalid.
    /// </summary>
    private async Task<ReceiveResult> ReadToClosingBoundaryAsync(MultipartReader reader, ReceivedFile file, CancellationToken cancellationToken)
    {
        bool keep = false;
        try
        {
            MultipartSection? section;
            while ((section = await reader.ReadNextSectionAsync(cancellationToken)) is not null)
            {
                if (IsFilePart(section, out _))
                {
                    return ReceiveResult.Fail(
                        ReceiveFailure.SecondFilePart,
                        $"The multipart body has more than one part named '{FilePartName}'. Send one file per request.");
                }
            }

            keep = true;
            return ReceiveResult.Success(file);
        }
        finally
        {
            if (!keep)
            {
                files.DeleteIncompleteFile(file.TemporaryPath, logger);
            }
        }
    }

    private static bool IsFilePart(MultipartSection section, out ContentDispositionHeaderValue? disposition) =>
        ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out disposition)
        && disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase)
        && string.Equals(HeaderUtilities.RemoveQuotes(disposition.Name).Value, FilePartName, StringComparison.Ordinal);

    private async Task<ReceiveResult> CopyToTemporaryFileAsync(Stream source, string clientFileName, CancellationToken cancellationToken)
    {
        string temporaryPath = files.CreateTemporaryPath();
        bool completed = false;
        try
        {
            (long size, string? checksum) = await CopyAndHashAsync(source, temporaryPath, cancellationToken);
            if (checksum is null)
            {
                return TooLarge();
            }

            completed = true;
            return ReceiveResult.Success(new ReceivedFile(temporaryPath, clientFileName, size, checksum));
        }
        finally
        {
            if (!completed)
            {
                files.DeleteIncompleteFile(temporaryPath, logger);
            }
        }
    }

    /// <summary>
    /// Copies the part to a new file and returns its size and SHA-256, or a null checksum as soon
    /// as the part grows beyond the maximum file size.
    /// </summary>
    private async Task<(long Size, string? Checksum)> CopyAndHashAsync(Stream source, string path, CancellationToken cancellationToken)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            using IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using FileStream target = new(path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Share = FileShare.None,
                Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
                BufferSize = 0,
            });

            long size = 0;
            int read;
            while ((read = await source.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
            {
                size += read;
                if (size > settings.MaxFileSize)
                {
                    return (size, null);
                }

                hash.AppendData(buffer, 0, read);
                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            return (size, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // NOTE: the 413 is sent while the client may still be sending the file. Kestrel drains the
    // rest for a few seconds and then closes the connection, so a client that writes the whole
    // body before it reads the response can see a reset connection instead of the 413.
    private ReceiveResult TooLarge() =>
        ReceiveResult.Fail(ReceiveFailure.TooLarge, $"The file is larger than the maximum of {settings.MaxFileSize} bytes that this emulator accepts.");

    /// <summary>
    /// Returns the boundary of a multipart/form-data Content-Type, quoted or not, or a message
    /// that says what is wrong with the Content-Type.
    /// </summary>
    private static (string? Boundary, string? Error) GetBoundary(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out MediaTypeHeaderValue? mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return (null, $"The request body must be multipart/form-data with a part named '{FilePartName}', but its Content-Type is '{contentType ?? "(none)"}'.");
        }

        string boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value ?? string.Empty;
        if (boundary.Length == 0)
        {
            return (null, "The multipart/form-data Content-Type has no boundary parameter. Send one, such as 'multipart/form-data; boundary=x1y2z3'.");
        }

        if (boundary.Length > MaxBoundaryLength)
        {
            return (null, $"The multipart boundary has {boundary.Length} characters, more than the {MaxBoundaryLength} that RFC 2046 allows.");
        }

        return (boundary, null);
    }
}
