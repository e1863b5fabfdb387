namespace Clevver.Emulator.Uploads;

/// <summary>
/// The layout of uploaded files in the data directory: <c>&lt;batch id&gt;/&lt;asset id&gt;/&lt;disk name&gt;</c>
/// for stored files, and <c>.incoming/</c> for files that are still being received.
/// </summary>
internal sealed class AssetFiles(EmulatorSettings settings)
{
    private readonly string _root = Path.GetFullPath(settings.DataDirectory);

    /// <summary>Returns a new, unused path for a file that is being received.</summary>
    public string CreateTemporaryPath()
    {
        string directory = Path.Combine(_root, Persistence.MetadataFiles.IncomingFolderName);
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, Guid.NewGuid().ToString("N") + ".part");
    }

    /// <summary>Moves a received file to its asset folder and returns its path relative to the data directory.</summary>
    public string MoveIntoPlace(ReceivedFile file, Guid batchId, Guid assetId)
    {
        ArgumentNullException.ThrowIfNull(file);

        string directory = GetAssetDirectory(batchId, assetId);
        Directory.CreateDirectory(directory);

        // ToDiskName keeps no separator, so the path cannot leave the asset folder. The check
        // guards that invariant, because breaking it would write outside the data directory.
        string path = Path.GetFullPath(Path.Combine(directory, UploadFileNames.ToDiskName(file.ClientFileName)));
        if (!path.StartsWith(directory + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The disk name for '{file.ClientFileName}' resolves outside the asset folder {directory}.");
        }

        File.Move(file.TemporaryPath, path);
        return Path.GetRelativePath(_root, path);
    }

    /// <summary>Deletes the folder of an asset that was moved into place but not recorded.</summary>
    public void DeleteAsset(Guid batchId, Guid assetId, ILogger logger)
    {
        string directory = GetAssetDirectory(batchId, assetId);
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Log.IncompleteUploadDeleteFailed(logger, directory, exception);
        }
    }

    /// <summary>Deletes a partly received file, logging instead of throwing so the first failure is kept.</summary>
    public void DeleteIncompleteFile(string path, ILogger logger)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Log.IncompleteUploadDeleteFailed(logger, path, exception);
        }
    }

    private string GetAssetDirectory(Guid batchId, Guid assetId) =>
        Path.Combine(_root, batchId.ToString(), assetId.ToString());
}
