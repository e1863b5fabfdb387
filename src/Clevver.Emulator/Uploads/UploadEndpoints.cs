using Clevver.Emulator.Batches;
using Clevver.Emulator.Contract;
using Clevver.Emulator.Errors;
using Clevver.Emulator.Faults;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clevver.Emulator.Uploads;

/// <summary>Maps the route that uploads a file into a batch.</summary>
internal static class UploadEndpoints
{
    public const string UploadedMessage = "Asset successfully uploaded";

    // The emulator has a single account, so every asset belongs to the same user.
    private const long UserId = 1;

    public static RouteGroupBuilder MapUploads(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);

        api.MapPost("/batches/{batchId}/files", UploadAsync).WithMetadata(new FaultRouteMetadata(FaultRoute.Upload));
        return api;
    }

    private static async Task<Results<Ok<UploadResponse>, BadRequest<ErrorResponse>, NotFound<ErrorResponse>, JsonHttpResult<ErrorResponse>, UnprocessableEntity<ErrorResponse>>> UploadAsync(
        string batchId,
        HttpContext context,
        BatchStore store,
        MultipartFileReceiver receiver,
        AssetFiles files,
        EmulatorSettings settings,
        ILogger<MultipartFileReceiver> logger)
    {
        if (!Guid.TryParse(batchId, out Guid id))
        {
            return ApiErrors.BatchNotFound(context, batchId);
        }

        // Reject before reading the body, so a client does not send a large file in vain.
        switch (store.CheckUpload(id))
        {
            case UploadOutcome.NotFound:
                return ApiErrors.BatchNotFound(context, batchId);
            case UploadOutcome.AlreadyStarted:
                return StartedError(context, id);
            case UploadOutcome.BatchFull:
                return FullError(context, id, store.MaxFilesPerBatch);
        }

        ReceiveResult received;
        try
        {
            received = await receiver.ReceiveAsync(context.Request, context.RequestAborted);
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException && context.RequestAborted.IsCancellationRequested)
        {
            Log.UploadAborted(logger, id);
            return TypedResults.BadRequest(new ErrorResponse("The client aborted the upload before the file was complete."));
        }

        if (received.File is not { } file)
        {
            return received.Failure == ReceiveFailure.TooLarge
                ? ApiErrors.PayloadTooLarge(context, received.Message)
                : ApiErrors.BadRequest(context, received.Message);
        }

        Guid assetId = Guid.NewGuid();
        string relativePath;
        try
        {
            relativePath = files.MoveIntoPlace(file, id, assetId);
        }
        catch
        {
            files.DeleteIncompleteFile(file.TemporaryPath, logger);
            throw;
        }

        StoredAsset asset = new(assetId, file.ClientFileName, file.Size, file.Checksum, relativePath, settings.TimeProvider.GetUtcNow());

        // The batch may have been started while the body was being received.
        (UploadOutcome outcome, bool duplicate) = await AddAssetAsync(store, files, id, asset, logger);
        switch (outcome)
        {
            case UploadOutcome.NotFound:
                return ApiErrors.BatchNotFound(context, batchId);
            case UploadOutcome.AlreadyStarted:
                return StartedError(context, id);
            case UploadOutcome.BatchFull:
                return FullError(context, id, store.MaxFilesPerBatch);
        }

        Log.FileStored(logger, id, assetId, asset.Size, asset.Checksum);
        return TypedResults.Ok(new UploadResponse(UploadedMessage, ResponseStatus.Success, ToDocument(asset, duplicate)));
    }

    /// <summary>Records a file that was moved into place, and deletes it again unless it was recorded.</summary>
    private static async Task<(UploadOutcome Outcome, bool Duplicate)> AddAssetAsync(BatchStore store, AssetFiles files, Guid batchId, StoredAsset asset, ILogger logger)
    {
        (UploadOutcome Outcome, bool Duplicate) result;
        try
        {
            result = await store.AddAssetAsync(batchId, asset);
        }
        catch
        {
            files.DeleteAsset(batchId, asset.Id, logger);
            throw;
        }

        if (result.Outcome != UploadOutcome.Accepted)
        {
            files.DeleteAsset(batchId, asset.Id, logger);
        }

        return result;
    }

    private static UnprocessableEntity<ErrorResponse> FullError(HttpContext context, Guid batchId, int maxFilesPerBatch) =>
        ApiErrors.UnprocessableEntity(context, $"Batch {batchId} already has the maximum of {maxFilesPerBatch} files. Start it, and upload further files into a new batch.");

    private static UnprocessableEntity<ErrorResponse> StartedError(HttpContext context, Guid batchId) =>
        ApiErrors.UnprocessableEntity(context, $"Batch {batchId} was already started and accepts no more files. Create a new batch for more files.");

    private static AssetDocument ToDocument(StoredAsset asset, bool duplicate)
    {
        string folderUrl = $"/uploads/digital_asset/file/{asset.Id}/";
        string escapedName = Uri.EscapeDataString(asset.Name);
        string? thumbUrl = UploadFileNames.IsImage(asset.Name) ? folderUrl + "thumb_" + escapedName : null;
        string timestamp = WireFormats.FormatAssetTimestamp(asset.CreatedAt);

        return new AssetDocument(
            Id: asset.Id,
            Status: "created",
            File: new AssetFileDocument(folderUrl + escapedName, new AssetThumbDocument(thumbUrl)),
            FileSize: asset.Size,
            EstimatedCost: null,
            CreatedAt: timestamp,
            UpdatedAt: timestamp,
            TransactionId: null,
            TaskId: null,
            SerializedMetadata: "{}",
            ShouldBeCached: true,
            StoredOn: null,
            ShortSlug: null,
            Checksum: asset.Checksum,
            UserId: UserId,
            Name: asset.Name,
            Archived: false,
            Duplicate: duplicate,
            TagList: []);
    }
}
