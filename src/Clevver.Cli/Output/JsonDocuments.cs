using System.Globalization;
using System.Text.Json;
using Clevver.Generated;

namespace Clevver.Cli.Output;

/// <summary>A batch as <c>--json</c> writes it.</summary>
/// <param name="Id">The batch id.</param>
/// <param name="Status">The status as the server sent it, for example <c>delivered</c>.</param>
/// <param name="Progress">Storage progress in percent, from 0 to 100.</param>
/// <param name="CreatedAt">Creation time in UTC as ISO 8601, for example <c>2024-05-01T12:00:00Z</c>.</param>
internal sealed record BatchDocument(Guid Id, string Status, double Progress, string CreatedAt)
{
    public static BatchDocument From(Batch batch) =>
        new(batch.Id, batch.Status.Value, batch.Progress, FormatUtc(batch.CreatedAtUtc));

    private static string FormatUtc(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}

/// <summary>An uploaded file as <c>--json</c> writes it.</summary>
/// <param name="Name">The file name sent to the server.</param>
/// <param name="Path">The full local path the file was read from.</param>
/// <param name="Size">The number of bytes sent.</param>
/// <param name="Sha256">SHA-256 of the bytes sent, as lowercase hexadecimal, verified against the server's.</param>
/// <param name="AssetId">The id of the server's file resource.</param>
internal sealed record FileDocument(string Name, string Path, long Size, string Sha256, Guid AssetId)
{
    public static FileDocument From(string path, UploadResult upload) =>
        new(upload.FileName, System.IO.Path.GetFullPath(path), upload.Size, upload.Sha256, upload.Asset.Id);
}

/// <summary>The outcome of <c>clevver store --json</c>: the delivered batch and its files.</summary>
internal sealed record StoreDocument(BatchDocument Batch, IReadOnlyList<FileDocument> Files);

/// <summary>Writes the single JSON document of a <c>--json</c> command, with snake_case names.</summary>
internal static class JsonDocuments
{
    private static readonly JsonSerializerOptions SerializerOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        // File names keep their quotes and non-ASCII letters readable; the output is a JSON
        // document on stdout, never HTML, so escaping them protects nothing.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write<T>(TextWriter output, T document)
    {
        output.WriteLine(JsonSerializer.Serialize(document, SerializerOptions));
    }
}

/// <summary>The outcome of <c>clevver drift --json</c>.</summary>
/// <param name="Drift">True when a response differs from the contract.</param>
/// <param name="Requests">The requests whose responses were validated.</param>
/// <param name="Findings">One entry per difference.</param>
internal sealed record DriftDocument(bool Drift, IReadOnlyList<string> Requests, IReadOnlyList<DriftFindingDocument> Findings)
{
    public static DriftDocument From(Clevver.Cli.Drift.DriftReport report) =>
        new(report.Findings.Count > 0, report.Requests, report.Findings.Select(DriftFindingDocument.From).ToList());
}

/// <summary>One difference as <c>clevver drift --json</c> writes it.</summary>
/// <param name="Kind">For example <c>unknown-field</c> or <c>unknown-enum-value</c>.</param>
/// <param name="Request">The request whose response differs, for example <c>GET /api/batches</c>.</param>
/// <param name="Path">The JSON path of the value, for example <c>$.data[0].status</c>.</param>
/// <param name="Message">A sentence about the difference.</param>
internal sealed record DriftFindingDocument(string Kind, string Request, string Path, string Message)
{
    public static DriftFindingDocument From(Clevver.Cli.Drift.DriftFinding finding) =>
        new(finding.KindName, finding.Request, finding.Path, finding.Message);
}
