namespace Clevver.Emulator.Batches;

/// <summary>A batch as the API shows it at one moment.</summary>
internal sealed record BatchView(Guid Id, BatchStatus Status, double Progress, DateTimeOffset CreatedAt, int AssetCount);

/// <summary>A file that was received and moved into the data directory.</summary>
/// <param name="RelativePath">Path of the stored file relative to the data directory.</param>
internal sealed record StoredAsset(Guid Id, string Name, long Size, string Checksum, string RelativePath, DateTimeOffset CreatedAt);

/// <summary>The result of <see cref="BatchStore.Start"/>.</summary>
internal enum StartOutcome
{
    Started,
    NotFound,
    NoFiles,
    AlreadyStarted,
}

/// <summary>Whether a batch accepts an upload, from <see cref="BatchStore.CheckUpload"/> and <see cref="BatchStore.AddAsset"/>.</summary>
internal enum UploadOutcome
{
    Accepted,
    NotFound,
    AlreadyStarted,
}

/// <summary>
/// The in-memory state of all batches and their assets. Every member is thread-safe: one lock
/// guards the state, and no I/O happens while it is held.
/// </summary>
internal sealed class BatchStore(TimeProvider timeProvider, TimeSpan deliveryTime)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, BatchState> _batches = [];

    // Checksums of every file stored by this instance, across batches, for the duplicate flag.
    private readonly HashSet<string> _checksums = new(StringComparer.Ordinal);

    /// <summary>Creates an empty batch and returns it.</summary>
    public BatchView Create()
    {
        BatchState batch = new(Guid.NewGuid(), timeProvider.GetUtcNow());

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
            view = _batches.TryGetValue(batchId, out BatchState? batch) ? Describe(batch, timeProvider.GetUtcNow()) : null;
            return view is not null;
        }
    }

    /// <summary>Returns the batches that are processing, newest first.</summary>
    public IReadOnlyList<BatchView> ListActive()
    {
        lock (_lock)
        {
            DateTimeOffset now = timeProvider.GetUtcNow();
            return _batches.Values
                .Select(batch => Describe(batch, now))
                .Where(view => view.Status == BatchStatus.Processing)
                .OrderByDescending(view => view.CreatedAt)
                .ToList();
        }
    }

    /// <summary>Starts a batch that has files and was not started before.</summary>
    public StartOutcome Start(Guid batchId, out BatchView? view)
    {
        view = null;

        lock (_lock)
        {
            if (!_batches.TryGetValue(batchId, out BatchState? batch))
            {
                return StartOutcome.NotFound;
            }

            if (batch.StartedAt is not null)
            {
                return StartOutcome.AlreadyStarted;
            }

            if (batch.Assets.Count == 0)
            {
                return StartOutcome.NoFiles;
            }

            batch.StartedAt = timeProvider.GetUtcNow();
            view = Describe(batch, batch.StartedAt.Value);
            return StartOutcome.Started;
        }
    }

    /// <summary>Tells whether a batch accepts uploads now, so a request can be rejected before its body is read.</summary>
    public UploadOutcome CheckUpload(Guid batchId)
    {
        lock (_lock)
        {
            return CheckUploadLocked(batchId, out _);
        }
    }

    /// <summary>
    /// Records a stored file in its batch. The batch may have been started while the file was
    /// received, so the caller deletes the file unless the outcome is <see cref="UploadOutcome.Accepted"/>.
    /// </summary>
    /// <param name="duplicate">True when this instance stored a file with the same checksum before.</param>
    public UploadOutcome AddAsset(Guid batchId, StoredAsset asset, out bool duplicate)
    {
        ArgumentNullException.ThrowIfNull(asset);

        duplicate = false;

        lock (_lock)
        {
            UploadOutcome outcome = CheckUploadLocked(batchId, out BatchState? batch);
            if (outcome != UploadOutcome.Accepted)
            {
                return outcome;
            }

            batch!.Assets.Add(asset);
            duplicate = !_checksums.Add(asset.Checksum);
            return UploadOutcome.Accepted;
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

    private UploadOutcome CheckUploadLocked(Guid batchId, out BatchState? batch)
    {
        if (!_batches.TryGetValue(batchId, out batch))
        {
            return UploadOutcome.NotFound;
        }

        return batch.StartedAt is null ? UploadOutcome.Accepted : UploadOutcome.AlreadyStarted;
    }

    private BatchView Describe(BatchState batch, DateTimeOffset now)
    {
        if (batch.StartedAt is not { } startedAt)
        {
            return new BatchView(batch.Id, BatchStatus.Created, 0, batch.CreatedAt, batch.Assets.Count);
        }

        TimeSpan elapsed = now - startedAt;
        if (elapsed >= deliveryTime)
        {
            return new BatchView(batch.Id, BatchStatus.Delivered, 100, batch.CreatedAt, batch.Assets.Count);
        }

        // Whole tenths of a percent in integer arithmetic, so 1.03 s of 10 s is exactly 10.3 and
        // progress reaches 100 only together with the delivered status.
        long tenths = elapsed <= TimeSpan.Zero ? 0 : (long)((Int128)elapsed.Ticks * 1000 / deliveryTime.Ticks);
        return new BatchView(batch.Id, BatchStatus.Processing, tenths / 10.0, batch.CreatedAt, batch.Assets.Count);
    }

    private sealed class BatchState(Guid id, DateTimeOffset createdAt)
    {
        public Guid Id { get; } = id;

        public DateTimeOffset CreatedAt { get; } = createdAt;

        public DateTimeOffset? StartedAt { get; set; }

        public List<StoredAsset> Assets { get; } = [];
    }
}
