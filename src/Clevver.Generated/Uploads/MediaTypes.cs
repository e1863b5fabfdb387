namespace Clevver.Generated;

/// <summary>Chooses the Content-Type of an uploaded file from its extension.</summary>
internal static class MediaTypes
{
    private const string Default = "application/octet-stream";

    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".webp"] = "image/webp",
        [".svg"] = "image/svg+xml",
        [".pdf"] = "application/pdf",
        [".txt"] = "text/plain",
        [".json"] = "application/json",
        [".zip"] = "application/zip",
        [".mp4"] = "video/mp4",
        [".mp3"] = "audio/mpeg",
    };

    public static string FromFileName(string fileName) =>
        ByExtension.TryGetValue(Path.GetExtension(fileName), out var mediaType) ? mediaType : Default;
}
