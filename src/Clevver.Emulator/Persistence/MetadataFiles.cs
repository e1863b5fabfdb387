using System.Text.Json;
using System.Text.Json.Serialization;
using Clevver.Emulator.Batches;

namespace Clevver.Emulator.Persistence;

/// <summary>The stored form of a batch. Its assets are stored one file each.</summary>
internal sealed record BatchRecord(Guid Id, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt);

/// <summary>A batch with its assets, as read from the data directory at start.</summary>
internal sealed record LoadedBatch(BatchRecord Batch, IReadOnlyList<StoredAsset> Assets);

/// <summary>
/// Stores the state of batches and assets in the data directory, so a new emulator on the same
/// directory continues where the last one stopped. The layout is:
/// <list type="bullet">
/// <item><c>&lt;batch id&gt;/batch.json</c>: the batch, rewritten when it starts.</item>
/// <item><c>&lt;batch id&gt;/&lt;asset id&gt;.json</c>: one asset, written once when it is recorded.</item>
/// <item><c>&lt;batch id&gt;/&lt;asset id&gt;/&lt;file name&gt;</c>: the uploaded file, see <see cref="Uploads.AssetFiles"/>.</item>
/// <item><c>.incoming/</c>: files being received or written, deleted at start.</item>
/// </list>
/// Every metadata file is replaced atomically, and an asset counts as stored only once its
/// metadata file exists, which is written after its file was hashed and moved into place.
/// </summary>
internal sealed class MetadataFiles(EmulatorSettings settings, ILogger<MetadataFiles> logger)
{
    /// <summary>The folder for files that are not complete yet. A leading dot keeps it apart from batch folders.</summary>
    public const string IncomingFolderName = ".incoming";

    private const string BatchFileName = "batch.json";

    private readonly string _root = Path.GetFullPath(settings.DataDirectory);

    /// <summary>The full path of the folder for incomplete files.</summary>
    public string IncomingDirectory => Path.Combine(_root, IncomingFolderName);

    public async Task WriteBatchAsync(BatchRecord batch)
    {
        ArgumentNullException.ThrowIfNull(batch);

        string directory = Path.Combine(_root, batch.Id.ToString());
        Directory.CreateDirectory(directory);
        byte[] content = JsonSerializer.SerializeToUtf8Bytes(batch, PersistenceJsonContext.Default.BatchRecord);
        await AtomicFile.WriteAsync(Path.Combine(directory, BatchFileName), content, EnsureIncomingDirectory());
    }

    public async Task WriteAssetAsync(Guid batchId, StoredAsset asset)
    {
        ArgumentNullException.ThrowIfNull(asset);

        byte[] content = JsonSerializer.SerializeToUtf8Bytes(asset, PersistenceJsonContext.Default.StoredAsset);
        await AtomicFile.WriteAsync(GetAssetMetadataPath(batchId, asset.Id), content, EnsureIncomingDirectory());
    }

    /// <summary>
    /// Deletes the files left by an emulator that was stopped while it received or wrote them,
    /// and asset folders whose metadata was never written.
    /// </summary>
    public void DeleteIncompleteFiles()
    {
        if (Directory.Exists(IncomingDirectory))
        {
            foreach (string path in Directory.EnumerateFileSystemEntries(IncomingDirectory))
            {
                Log.LeftoverFileDeleted(logger, path);
                if (Directory.Exists(path))
                {
                    Directory.Delete(path, recursive: true);
                }
                else
                {
                    File.Delete(path);
                }
            }
        }

        foreach (string batchDirectory in EnumerateIdDirectories(_root))
        {
            foreach (string assetDirectory in EnumerateIdDirectories(batchDirectory))
            {
                if (!File.Exists(assetDirectory + ".json"))
                {
                    Log.LeftoverFileDeleted(logger, assetDirectory);
                    Directory.Delete(assetDirectory, recursive: true);
                }
            }
        }
    }

    /// <summary>Reads every batch and asset in the data directory. Unreadable entries are logged and skipped.</summary>
    public IReadOnlyList<LoadedBatch> LoadAll()
    {
        List<LoadedBatch> batches = [];
        foreach (string batchDirectory in EnumerateIdDirectories(_root))
        {
            BatchRecord? batch = Read(Path.Combine(batchDirectory, BatchFileName), PersistenceJsonContext.Default.BatchRecord);
            if (batch is null || batch.Id.ToString() != Path.GetFileName(batchDirectory))
            {
                Log.MetadataSkipped(logger, batchDirectory, "the batch.json file is missing or does not describe this batch");
                continue;
            }

            batches.Add(new LoadedBatch(batch, LoadAssets(batchDirectory)));
        }

        return batches;
    }

    private List<StoredAsset> LoadAssets(string batchDirectory)
    {
        List<StoredAsset> assets = [];
        foreach (string path in Directory.EnumerateFiles(batchDirectory, "*.json"))
        {
            if (!Guid.TryParse(Path.GetFileNameWithoutExtension(path), out Guid assetId))
            {
                continue;
            }

            StoredAsset? asset = Read(path, PersistenceJsonContext.Default.StoredAsset);
            FileInfo file = new(Path.Combine(_root, asset?.RelativePath ?? string.Empty));
            if (asset is null || asset.Id != assetId || !file.Exists || file.Length != asset.Size)
            {
                // NOTE: only the size is compared, because hashing every file would make a start
                // as slow as reading the whole data directory.
                Log.MetadataSkipped(logger, path, "the asset metadata is unreadable or its file is missing or has another size");
                continue;
            }

            assets.Add(asset);
        }

        return assets.OrderBy(asset => asset.CreatedAt).ThenBy(asset => asset.Id).ToList();
    }

    private T? Read<T>(string path, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(path), typeInfo);
        }
        catch (Exception exception) when (exception is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private string EnsureIncomingDirectory() => Directory.CreateDirectory(IncomingDirectory).FullName;

    private string GetAssetMetadataPath(Guid batchId, Guid assetId) =>
        Path.Combine(_root, batchId.ToString(), assetId + ".json");

    /// <summary>Returns the subdirectories whose names are UUIDs, which are batch or asset folders.</summary>
    private static IEnumerable<string> EnumerateIdDirectories(string directory) =>
        Directory.EnumerateDirectories(directory).Where(path => Guid.TryParse(Path.GetFileName(path), out _)).ToList();
}

/// <summary>Serialization metadata for the stored state, generated at compile time.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(BatchRecord))]
[JsonSerializable(typeof(StoredAsset))]
internal sealed partial class PersistenceJsonContext : JsonSerializerContext;
