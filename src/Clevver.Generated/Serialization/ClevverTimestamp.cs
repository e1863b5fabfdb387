using System.Globalization;

namespace Clevver.Generated;

/// <summary>
/// Parses the two timestamp forms the API sends: batches use <c>2023-11-01 13:53:12</c> without a
/// time zone, assets use ISO 8601 with milliseconds and <c>Z</c>.
/// </summary>
public static class ClevverTimestamp
{
    // The server stores times in UTC, so a value without a zone designator is read as UTC and never
    // as the local time of the machine that runs the client.
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
    ];

    /// <summary>Parses a timestamp in either form. A value without a time zone is read as UTC.</summary>
    /// <param name="value">The timestamp text.</param>
    /// <param name="result">The parsed time, with offset zero when the text had no zone.</param>
    /// <returns>True when <paramref name="value"/> is in one of the two forms.</returns>
    public static bool TryParse(string? value, out DateTimeOffset result)
    {
        const DateTimeStyles Styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;

        return DateTimeOffset.TryParseExact(value, Formats, CultureInfo.InvariantCulture, Styles, out result);
    }

    /// <summary>Parses a timestamp in either form. A value without a time zone is read as UTC.</summary>
    /// <param name="value">The timestamp text.</param>
    /// <returns>The parsed time in UTC.</returns>
    /// <exception cref="FormatException"><paramref name="value"/> is in neither form.</exception>
    public static DateTimeOffset Parse(string value)
    {
        if (!TryParse(value, out var result))
        {
            throw new FormatException(
                $"The timestamp '{value}' is invalid. Expected 'yyyy-MM-dd HH:mm:ss' (UTC) or ISO 8601 such as '2024-01-24T05:32:50.692Z'.");
        }

        return result;
    }
}
