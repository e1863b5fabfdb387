namespace Clevver.Generated.Benchmarks.Json;

// The documented response shapes as plain records for System.Text.Json, read with
// JsonNamingPolicy.SnakeCaseLower. Fields that the generated models keep only in
// AdditionalProperties are left out.

public sealed record BatchListDocument(string Status, IReadOnlyList<BatchDocument> Data);

public sealed record BatchDocument(Guid Id, string Status, double Progress, string CreatedAt, string? Message);

public sealed record UploadDocument(string? Message, string Status, AssetDocument Data);

public sealed record AssetDocument(
    Guid Id,
    string Status,
    AssetFileDocument File,
    long FileSize,
    double? EstimatedCost,
    DateTimeOffset CreatedAt,
    string Checksum,
    string? Name);

public sealed record AssetFileDocument(string Url, AssetThumbDocument? Thumb);

public sealed record AssetThumbDocument(string? Url);
