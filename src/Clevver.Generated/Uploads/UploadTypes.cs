namespace Clevver.Generated;

/// <summary>Bytes of one file sent so far.</summary>
/// <param name="FileName">The name sent for the file.</param>
/// <param name="BytesSent">File bytes written to the request body so far.</param>
/// <param name="TotalBytes">The file's size, or null when the source stream's length is unknown.</param>
public readonly record struct UploadProgress(string FileName, long BytesSent, long? TotalBytes);

/// <summary>A verified upload: the server's asset and the checksum the client computed.</summary>
/// <param name="Asset">The asset as the server returned it.</param>
/// <param name="FileName">The name sent for the file.</param>
/// <param name="Size">Number of bytes sent, equal to the asset's <c>file_size</c>.</param>
/// <param name="Sha256">SHA-256 of the bytes sent as lowercase hexadecimal, equal to the asset's <c>checksum</c>.</param>
/// <param name="Message">The server's message, for example <c>Asset successfully uploaded</c>.</param>
public sealed record UploadResult(Asset Asset, string FileName, long Size, string Sha256, string? Message);
