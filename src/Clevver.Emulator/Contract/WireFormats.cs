using System.Globalization;

namespace Clevver.Emulator.Contract;

/// <summary>The two timestamp formats of the API, which differ between batches and assets.</summary>
internal static class WireFormats
{
    /// <summary>Formats a batch's <c>created_at</c>: UTC as <c>yyyy-MM-dd HH:mm:ss</c> without a zone.</summary>
    public static string FormatBatchTimestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>Formats an asset's timestamps: ISO 8601 in UTC with milliseconds and <c>Z</c>.</summary>
    public static string FormatAssetTimestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
