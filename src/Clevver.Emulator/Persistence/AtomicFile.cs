namespace Clevver.Emulator.Persistence;

/// <summary>Replaces files so that a reader or a restart sees the old content or the new one, never a part.</summary>
internal static class AtomicFile
{
    /// <summary>
    /// Writes the content to a new file in <paramref name="temporaryDirectory"/>, flushes it to the
    /// disk and renames it over <paramref name="path"/>. The temporary directory must be on the same
    /// file system as the target, so the rename is atomic (POSIX rename(2), MoveFileEx on Windows).
    /// </summary>
    /// <remarks>
    /// NOTE: .NET has no call to flush a directory, so after a power loss the rename itself may be
    /// lost and the old file kept. A killed process loses nothing, because the rename is done by
    /// then.
    /// </remarks>
    public static async Task WriteAsync(string path, ReadOnlyMemory<byte> content, string temporaryDirectory, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentException.ThrowIfNullOrEmpty(temporaryDirectory);

        string temporaryPath = Path.Combine(temporaryDirectory, Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            await using (FileStream stream = new(temporaryPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0, FileOptions.Asynchronous))
            {
                await stream.WriteAsync(content, cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporaryPath, path, overwrite: true);
        }
        catch
        {
            DeleteQuietly(temporaryPath);
            throw;
        }
    }

    // A failed delete must not hide the write's exception. The next start deletes the file.
    private static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
        }
    }
}
