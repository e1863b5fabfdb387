using Clevver.Emulator.Persistence;

namespace Clevver.Emulator.Batches;

/// <summary>A batch as the API shows it at one moment.</summary>
internal sealed record BatchView(Guid Id, BatchStatus Status, double Progress, DateTimeOffset CreatedAt, int AssetCount);

/// <summary>A file that was received and moved into the data directory.</summary>
/// <param name="RelativePath">Path of the stored file relative to the data directory.</param>
internal sealed record StoredAsset(Guid Id, string Name, long Size, string Checksum, string RelativePath, DateTimeOffset CreatedAt);

/// <summary>The result of <see cref="BatchStore.StartAsync"/>.</summary>
internal enum StartOutcome
{
    Started,
    NotFound,
    NoFiles,
    AlreadyStarted,
}

/// <summary>Whether a batch accepts an upload, from <see cref="BatchStore.CheckUpload"/> and <see cref="BatchStore.AddAssetAsync"/>.</summary>
internal enum UploadOutcome
{
    Accepted,
    NotFound,
    AlreadyStarted,
    BatchFull,
}

/// <summary>
/// The state of all batches and their assets, kept in memory and written through to
/// <see cref="MetadataFiles"/>. Every member is thread-safe. One lock guards the in-memory state
/// and no I/O happens while it is held. Each batch also has a gate that orders its changes, so a
/// change is written to disk before it becomes visible and two changes of one batch never cross.
/// </summary>
internal sealed class BatchStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, BatchState> _batches = [];

    // Checksums of every stored file, across batches, for the duplicate flag.
    private readonly HashSet<string> _checksums = new(StringComparer.Ordinal);

    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _deliveryTime;
    private readonly int _maxFilesPerBatch;
    private readonly MetadataFiles _metadata;

    public BatchStore(EmulatorSettings settings, MetadataFiles metadata)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(metadata);

        _timeProvider = settings.TimeProvider;
        _deliveryTime = settings.DeliveryTime;
        _maxFilesPerBatch = settings.MaxFilesPerBatch;
        _metadata = metadata;
    }

    /// <summary>The most files that one batch accepts.</summary>
    public int MaxFilesPerBatch => _maxFilesPerBatch;

    /// <summary>Adds the batches that an earlier emulator stored. Called once, before requests arrive.</summary>
    public void Load(IEnumerable<LoadedBatch> loaded)
    {
        ArgumentNullException.ThrowIfNull(loaded);

        lock (_lock)
        {
            foreach (LoadedBatch entry in loaded)
            {
                BatchState batch = new(entry.Batch.Id, entry.Batch.CreatedAt) { StartedAt = entry.Batch.StartedAt };
                batch.Assets.AddRange(entry.Assets);
                _batches.Add(batch.Id, batch);
                _checksums.UnionWith(entry.Assets.Select(asset => asset.Checksum));
            }
        }
    }

    /// <summary>Creates an empty batch, stores it and returns it.</summary>
    public async Task<BatchView> CreateAsync()
    {
        BatchState batch = new(Guid.NewGuid(), _timeProvider.GetUtcNow());
        await _metadata.WriteBatchAsync(new BatchRecord(batch.Id, batch.CreatedAt, StartedAt: null));

        lock (_lock)
        {
            _batches.Add(batch.Id, batch);
            return Describe(batch, batch.CreatedAt);
        }
    }

    /// <summary>Finds a batch by id.</summary>
    public bool TryGet(Guid batchId, out BatchView? view)
    {
        lock (_lock)
        {
            view = _batches.TryGetValue(batchId, out BatchState? batch) ? Describe(batch, _timeProvider.GetUtcNow()) : null;
            return view is not null;
        }
    }

    /// <summary>Returns the batches that are processing, newest first.</summary>
    public IReadOnlyList<BatchView> ListActive()
    {
        lock (_lock)
        {
            DateTimeOffset now = _timeProvider.GetUtcNow();
            return _batches.Values
                .Select(batch => Describe(batch, now))
                .Where(view => view.Status == BatchStatus.Processing)
                .OrderByDescending(view => view.CreatedAt)
                .ToList();
        }
    }

    /// <summary>Starts a batch that has files and was not started before, and stores its start time.</summary>
    public async Task<(StartOutcome Outcome, BatchView? Batch)> StartAsync(Guid batchId)
    {
        BatchState? batch = Find(batchId);
        if (batch is null)
        {
            return (StartOutcome.NotFound, null);
        }

        await batch.Gate.WaitAsync();
        try
        {
            DateTimeOffset startedAt;
            lock (_lock)
            {
                if (batch.StartedAt is not null)
                {
                    return (StartOutcome.AlreadyStarted, null);
                }

                if (batch.Assets.Count == 0)
                {
                    return (StartOutcome.NoFiles, null);
                }

                startedAt = _timeProvider.GetUtcNow();
            }

            await _metadata.WriteBatchAsync(new BatchRecord(batch.Id, batch.CreatedAt, startedAt));

            lock (_lock)
            {
                batch.StartedAt = startedAt;
                return (StartOutcome.Started, Describe(batch, startedAt));
            }
        }
        finally
        {
            batch.Gate.Release();
        }
    }

    /// <summary>Tells whether a batch accepts uploads now, so a request can be rejected before its body is read.</summary>
    public UploadOutcome CheckUpload(Guid batchId)
    {
        lock (_lock)
        {
            return _batches.TryGetValue(batchId, out BatchState? batch) ? CheckUploadLocked(batch) : UploadOutcome.NotFound;
        }
    }

    /// <summary>
    /// Stores the metadata of a file and records it in its batch. The batch may have been started
    /// or filled while the file was received, so the caller deletes the file unless the outcome
    /// is <see cref="UploadOutcome.Accepted"/>. Duplicate is true when a file with the same
    /// checksum was stored before.
    /// </summary>
    public async Task<(UploadOutcome Outcome, bool Duplicate)> AddAssetAsync(Guid batchId, StoredAsset asset)
    {
        ArgumentNullException.ThrowIfNull(asset);

        BatchState? batch = Find(batchId);
        if (batch is null)
        {
            return (UploadOutcome.NotFound, false);
        }

        await batch.Gate.WaitAsync();
        try
        {
            UploadOutcome outcome = CheckUpload(batchId);
            if (outcome != UploadOutcome.Accepted)
            {
                return (outcome, false);
            }

            await _metadata.WriteAssetAsync(batchId, asset);

            lock (_lock)
            {
                batch.Assets.Add(asset);
                return (UploadOutcome.Accepted, !_checksums.Add(asset.Checksum));
            }
        }
        finally
        {
            batch.Gate.Release();
        }
    }

    /// <summary>Returns a copy of the assets of a batch, or null for an unknown batch.</summary>
    public IReadOnlyList<StoredAsset>? GetAssets(Guid batchId)
    {
        lock (_lock)
        {
            return _batches.TryGetValue(batchId, out BatchState? batch) ? batch.Assets.ToList() : null;
        }
    }

    private BatchState? Find(Guid batchId)
    {
        lock (_lock)
        {
            return _batches.GetValueOrDefault(batchId);
        }
    }

    private UploadOutcome CheckUploadLocked(BatchState batch)
    {
        if (batch.StartedAt is not null)
        {
            return UploadOutcome.AlreadyStarted;
        }

        return batch.Assets.Count >= _maxFilesPerBatch ? UploadOutcome.BatchFull : UploadOutcome.Accepted;
    }

    private BatchView Describe(BatchState batch, DateTimeOffset now)
    {
        if (batch.StartedAt is not { } startedAt)
        {
            return new BatchView(batch.Id, BatchStatus.Created, 0, batch.CreatedAt, batch.Assets.Count);
        }

        TimeSpan elapsed = now - startedAt;
        if (elapsed >= _deliveryTime)
        {
            return new BatchView(batch.Id, BatchStatus.Delivered, 100, batch.CreatedAt, batch.Assets.Count);
        }

        // Whole tenths of a percent in integer arithmetic, so 1.03 s of 10 s is exactly 10.3 and
        // progress reaches 100 only together with the delivered status.
        long tenths = elapsed <= TimeSpan.Zero ? 0 : (long)((Int128)elapsed.Ticks * 1000 / _deliveryTime.Ticks);
        return new BatchView(batch.Id, BatchStatus.Processing, tenths / 10.0, batch.CreatedAt, batch.Assets.Count);
    }

    private sealed class BatchState(Guid id, DateTimeOffset createdAt)
    {
        public Guid Id { get; } = id;

        public DateTimeOffset CreatedAt { get; } = createdAt;

        public DateTimeOffset? StartedAt { get; set; }

        public List<StoredAsset> Assets { get; } = [];

        /// <summary>Orders the changes of this batch, each a disk write followed by an in-memory update.</summary>
        public SemaphoreSlim Gate { get; } = new(1, 1);
    }
}
