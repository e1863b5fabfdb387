using System.Text;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Clevver.Emulator.Uploads;

/// <summary>Reads the file name of a multipart part and derives a name that is safe on disk.</summary>
internal static class UploadFileNames
{
    private const int MaxDiskNameLength = 100;
    private const string FallbackDiskName = "file";

    // Device names that Windows resolves in any directory, with or without an extension.
    private static readonly HashSet<string> s_windowsDeviceNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL",
        "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    private static readonly string[] s_imageExtensions = [".png", ".jpg", ".jpeg", ".gif", ".webp"];

    /// <summary>
    /// Returns the file name that the client sent in a Content-Disposition header, or null when the
    /// header has none. The RFC 5987 <c>filename*</c> parameter wins over <c>filename</c>
    /// (RFC 6266, section 4.3).
    /// </summary>
    public static string? GetClientFileName(ContentDispositionHeaderValue disposition)
    {
        ArgumentNullException.ThrowIfNull(disposition);

        StringSegment extendedName = disposition.FileNameStar;
        if (extendedName.HasValue)
        {
            return extendedName.Value;
        }

        NameValueHeaderValue? parameter = disposition.Parameters
            .FirstOrDefault(candidate => candidate.Name.Equals("filename", StringComparison.OrdinalIgnoreCase));
        if (parameter is null)
        {
            return null;
        }

        // HttpClient sends a non-ASCII name as an RFC 2047 encoded word ("=?utf-8?B?...?="), which
        // the FileName property decodes. Any other quoted value is an RFC 9110 quoted-string, where
        // a backslash escapes the next character.
        // NOTE: browsers follow the HTML form encoding instead, which sends a backslash unescaped,
        // so a backslash in a browser's plain filename is dropped. filename* has no such ambiguity.
        string rawValue = parameter.Value.Value ?? string.Empty;
        if (rawValue.StartsWith("\"=?", StringComparison.Ordinal) || rawValue.StartsWith("=?", StringComparison.Ordinal))
        {
            return disposition.FileName.Value;
        }

        return HeaderUtilities.UnescapeAsQuotedString(rawValue).Value;
    }

    /// <summary>
    /// Derives a file name that stays inside its directory on every platform: ASCII letters,
    /// digits, '.', '-' and '_' are kept, every other character becomes '_', and names made of
    /// dots or reserved by Windows are replaced or prefixed.
    /// </summary>
    public static string ToDiskName(string clientFileName)
    {
        ArgumentNullException.ThrowIfNull(clientFileName);

        StringBuilder builder = new(Math.Min(clientFileName.Length, MaxDiskNameLength));
        foreach (char character in clientFileName)
        {
            if (builder.Length == MaxDiskNameLength)
            {
                break;
            }

            builder.Append(char.IsAsciiLetterOrDigit(character) || character is '.' or '-' or '_' ? character : '_');
        }

        string diskName = builder.ToString().TrimEnd('.');
        if (diskName.Trim('.').Length == 0)
        {
            return FallbackDiskName;
        }

        string stem = diskName.Split('.')[0];
        return s_windowsDeviceNames.Contains(stem) ? "_" + diskName : diskName;
    }

    /// <summary>Tells whether the server would make a thumbnail of a file, judged by its extension.</summary>
    public static bool IsImage(string clientFileName)
    {
        ArgumentNullException.ThrowIfNull(clientFileName);

        return s_imageExtensions.Any(extension => clientFileName.EndsWith(extension, StringComparison.OrdinalIgnoreCase));
    }
}
