namespace Clevver.Generated;

/// <summary>
/// The server stored a file whose SHA-256 checksum or size differs from the bytes the client sent.
/// The upload must not be trusted.
/// </summary>
public sealed class ClevverChecksumMismatchException : Exception
{
    /// <summary>Creates the exception from both sides' checksums and sizes.</summary>
    public ClevverChecksumMismatchException(string fileName, string localChecksum, long localSize, Asset asset)
        : base(
            $"The server's copy of '{fileName}' does not match the bytes sent: local SHA-256 {localChecksum} and {localSize} bytes, " +
            $"server SHA-256 {asset?.Checksum} and {asset?.FileSize} bytes (asset {asset?.Id}). Do not rely on this asset; upload the file again into a new batch.")
    {
        ArgumentNullException.ThrowIfNull(asset);

        FileName = fileName;
        LocalChecksum = localChecksum;
        LocalSize = localSize;
        Asset = asset;
    }

    /// <summary>The uploaded file's name.</summary>
    public string FileName { get; }

    /// <summary>SHA-256 of the bytes the client sent, as lowercase hexadecimal.</summary>
    public string LocalChecksum { get; }

    /// <summary>Number of bytes the client sent.</summary>
    public long LocalSize { get; }

    /// <summary>SHA-256 the server reported.</summary>
    public string ServerChecksum => Asset.Checksum;

    /// <summary>Size in bytes the server reported.</summary>
    public long ServerSize => Asset.FileSize;

    /// <summary>The asset as the server returned it.</summary>
    public Asset Asset { get; }
}
