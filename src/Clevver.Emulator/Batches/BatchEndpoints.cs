using Clevver.Emulator.Contract;
using Clevver.Emulator.Errors;
using Clevver.Emulator.Faults;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clevver.Emulator.Batches;

/// <summary>Maps the routes that create, list, read and start batches.</summary>
internal static class BatchEndpoints
{
    public const string CreatedMessage = "Batch created successfully";
    public const string StartedMessage = "Batch job started";

    public static RouteGroupBuilder MapBatches(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);

        RouteGroupBuilder batches = api.MapGroup("/batches");
        batches.MapGet("", ListActive).WithMetadata(new FaultRouteMetadata(FaultRoute.List));
        batches.MapPost("", CreateAsync).WithMetadata(new FaultRouteMetadata(FaultRoute.Create));
        batches.MapGet("/{batchId}", Get).WithMetadata(new FaultRouteMetadata(FaultRoute.Get));
        batches.MapPost("/{batchId}/start", StartAsync).WithMetadata(new FaultRouteMetadata(FaultRoute.Start));
        return api;
    }

    private static Ok<BatchListResponse> ListActive(BatchStore store)
    {
        List<BatchDocument> active = store.ListActive().Select(view => ToDocument(view)).ToList();
        return TypedResults.Ok(new BatchListResponse(ResponseStatus.Success, active));
    }

    private static async Task<Created<BatchResponse>> CreateAsync(BatchStore store, ILogger<BatchStore> logger)
    {
        BatchView batch = await store.CreateAsync();
        Log.BatchCreated(logger, batch.Id);

        return TypedResults.Created($"/api/batches/{batch.Id}", new BatchResponse(ResponseStatus.Success, ToDocument(batch, CreatedMessage)));
    }

    // The id is bound as a string, not a Guid, so that a malformed id gets an error body like an
    // unknown one instead of the framework's bodiless 400.
    private static Results<Ok<BatchResponse>, NotFound<ErrorResponse>> Get(string batchId, BatchStore store, HttpContext context)
    {
        if (!Guid.TryParse(batchId, out Guid id) || !store.TryGet(id, out BatchView? batch))
        {
            return ApiErrors.BatchNotFound(context, batchId);
        }

        return TypedResults.Ok(new BatchResponse(ResponseStatus.Success, ToDocument(batch!)));
    }

    private static async Task<Results<Ok<BatchResponse>, NotFound<ErrorResponse>, UnprocessableEntity<ErrorResponse>>> StartAsync(
        string batchId, BatchStore store, ILogger<BatchStore> logger, HttpContext context)
    {
        if (!Guid.TryParse(batchId, out Guid id))
        {
            return ApiErrors.BatchNotFound(context, batchId);
        }

        (StartOutcome outcome, BatchView? batch) = await store.StartAsync(id);
        switch (outcome)
        {
            case StartOutcome.NotFound:
                return ApiErrors.BatchNotFound(context, batchId);
            case StartOutcome.NoFiles:
                return ApiErrors.UnprocessableEntity(context, $"Batch {id} has no files. Upload at least one file before starting it.");
            case StartOutcome.AlreadyStarted:
                return ApiErrors.UnprocessableEntity(context, $"Batch {id} was already started. A batch can be started once.");
        }

        Log.BatchStarted(logger, batch!.Id, batch.AssetCount);
        return TypedResults.Ok(new BatchResponse(ResponseStatus.Success, ToDocument(batch, StartedMessage)));
    }

    private static BatchDocument ToDocument(BatchView batch, string? message = null) =>
        new(batch.Id, batch.Status.ToWireValue(), batch.Progress, WireFormats.FormatBatchTimestamp(batch.CreatedAt), message);
}
