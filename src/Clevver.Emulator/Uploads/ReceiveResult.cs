namespace Clevver.Emulator.Uploads;

/// <summary>Why <see cref="MultipartFileReceiver"/> could not receive a file.</summary>
internal enum ReceiveFailure
{
    None,
    NotMultipart,
    Malformed,
    NoFilePart,
    MissingFileName,
    SecondFilePart,
    TooLarge,
}

/// <summary>A file written to a temporary path in the data directory, with its size and SHA-256.</summary>
/// <param name="ClientFileName">The file name exactly as the client sent it.</param>
/// <param name="Checksum">SHA-256 of the bytes as 64 lowercase hexadecimal characters.</param>
internal sealed record ReceivedFile(string TemporaryPath, string ClientFileName, long Size, string Checksum);

/// <summary>The received file, or the failure and a message for the client.</summary>
internal sealed record ReceiveResult(ReceivedFile? File, ReceiveFailure Failure, string Message)
{
    public static ReceiveResult Success(ReceivedFile file) => new(file, ReceiveFailure.None, string.Empty);

    public static ReceiveResult Fail(ReceiveFailure failure, string message) => new(null, failure, message);
}
