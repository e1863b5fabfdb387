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

        // Every batch in a list carries a timestamp, so the two common forms are parsed by hand
        // first: trying the format list costs several times more per value.
        if (TryParseFast(value, out result))
        {
            return true;
        }

        return DateTimeOffset.TryParseExact(value, Formats, CultureInfo.InvariantCulture, Styles, out result);
    }

    // Parses "yyyy-MM-dd HH:mm:ss" and "yyyy-MM-ddTHH:mm:ss", each with up to seven fraction digits
    // and an optional "Z", as UTC. Returns false for anything else, including other offsets, which
    // the format list then handles.
    private static bool TryParseFast(string? value, out DateTimeOffset result)
    {
        result = default;
        if (value is null || value.Length < 19 || value[4] != '-' || value[7] != '-' || value[10] is not (' ' or 'T') || value[13] != ':' || value[16] != ':')
        {
            return false;
        }

        if (!TryDigits(value, 0, 4, out var year) || !TryDigits(value, 5, 2, out var month) || !TryDigits(value, 8, 2, out var day)
            || !TryDigits(value, 11, 2, out var hour) || !TryDigits(value, 14, 2, out var minute) || !TryDigits(value, 17, 2, out var second))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var end = value.Length;
        if (value[^1] == 'Z')
        {
            end--;
        }

        long fractionTicks = 0;
        if (end > 19)
        {
            var digits = end - 20;
            if (value[19] != '.' || digits is < 1 or > 7 || !TryDigits(value, 20, digits, out var fraction))
            {
                return false;
            }

            fractionTicks = fraction * (long)Math.Pow(10, 7 - digits);
        }

        result = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero).AddTicks(fractionTicks);
        return true;
    }

    private static bool TryDigits(string text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = text[i] - '0';
            if (digit is < 0 or > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
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
