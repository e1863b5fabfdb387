using System.Text.Json.Serialization;

namespace Clevver.Emulator.Contract;

// The JSON shapes of api/clevver.openapi.yaml. Every property name is explicit, and null values
// are written as null because the contract lists those fields as present but nullable.

/// <summary>The <c>BatchResponse</c> schema: one batch in a success envelope.</summary>
internal sealed record BatchResponse(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("data")] BatchDocument Data);

/// <summary>The <c>BatchListResponse</c> schema: the active batches in a success envelope.</summary>
internal sealed record BatchListResponse(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("data")] IReadOnlyList<BatchDocument> Data);

/// <summary>The <c>UploadResponse</c> schema: the stored asset with a top-level message.</summary>
internal sealed record UploadResponse(
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("data")] AssetDocument Data);

/// <summary>The <c>ErrorResponse</c> schema that every error status carries.</summary>
internal sealed record ErrorResponse(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("message")] string Message)
{
    public ErrorResponse(string message)
        : this(ResponseStatus.Error, message)
    {
    }
}

/// <summary>The values of the envelope's <c>status</c> field.</summary>
internal static class ResponseStatus
{
    public const string Success = "success";
    public const string Error = "error";
}

/// <summary>The <c>Batch</c> schema.</summary>
internal sealed record BatchDocument(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("progress")] double Progress,
    [property: JsonPropertyName("created_at")] string CreatedAt,
    // Only create and start send a message, so it is left out when null.
    [property: JsonPropertyName("message"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Message = null);

/// <summary>The <c>Asset</c> schema.</summary>
internal sealed record AssetDocument(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("file")] AssetFileDocument File,
    [property: JsonPropertyName("file_size")] long FileSize,
    [property: JsonPropertyName("estimated_cost")] double? EstimatedCost,
    [property: JsonPropertyName("created_at")] string CreatedAt,
    [property: JsonPropertyName("updated_at")] string UpdatedAt,
    [property: JsonPropertyName("txid")] string? TransactionId,
    [property: JsonPropertyName("task_id")] string? TaskId,
    [property: JsonPropertyName("serialized_metadata")] string SerializedMetadata,
    [property: JsonPropertyName("should_be_cached")] bool ShouldBeCached,
    [property: JsonPropertyName("stored_on")] string? StoredOn,
    [property: JsonPropertyName("short_slug")] string? ShortSlug,
    [property: JsonPropertyName("checksum")] string Checksum,
    [property: JsonPropertyName("user_id")] long UserId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("archived")] bool Archived,
    [property: JsonPropertyName("duplicate")] bool Duplicate,
    [property: JsonPropertyName("tag_list")] IReadOnlyList<string> TagList);

/// <summary>The <c>AssetFile</c> schema.</summary>
internal sealed record AssetFileDocument(
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("thumb")] AssetThumbDocument Thumb);

/// <summary>The <c>AssetThumb</c> schema. Its URL is null for files that are not images.</summary>
internal sealed record AssetThumbDocument(
    [property: JsonPropertyName("url")] string? Url);

/// <summary>Serialization metadata for the response types, generated at compile time.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(BatchResponse))]
[JsonSerializable(typeof(BatchListResponse))]
[JsonSerializable(typeof(UploadResponse))]
[JsonSerializable(typeof(ErrorResponse))]
internal sealed partial class EmulatorJsonContext : JsonSerializerContext;
