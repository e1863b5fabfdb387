using System.Text;

namespace Clevver.Generated;

/// <summary>
/// Writes the Content-Disposition header of the multipart <c>file</c> part so that any file name
/// stays well-formed on the wire.
/// </summary>
internal static class ContentDispositionFormatter
{
    /// <summary>
    /// Returns <c>form-data; name="file"; filename="..."</c>, adding <c>filename*=UTF-8''...</c>
    /// (RFC 6266 section 4.3, RFC 5987) when the name is not plain printable ASCII.
    /// </summary>
    /// <remarks>
    /// The quoted <c>filename</c> is an ASCII fallback in which quotes, backslashes, control
    /// characters and non-ASCII characters become <c>_</c>, because servers differ in how they unescape
    /// a quoted-string. The <c>filename*</c> parameter carries the exact name, percent-encoded as UTF-8.
    /// </remarks>
    public static string Format(string partName, string fileName)
    {
        var fallback = new StringBuilder(fileName.Length);
        var needsExtendedName = false;
        foreach (var character in fileName)
        {
            if (character is >= ' ' and <= '~' and not '"' and not '\\')
            {
                fallback.Append(character);
            }
            else
            {
                fallback.Append('_');
                needsExtendedName = true;
            }
        }

        var header = $"form-data; name=\"{partName}\"; filename=\"{fallback}\"";
        return needsExtendedName ? header + "; filename*=UTF-8''" + EncodeExtendedValue(fileName) : header;
    }

    // RFC 5987 section 3.2.1: attr-char = ALPHA / DIGIT / "!" / "#" / "$" / "&" / "+" / "-" / "."
    // / "^" / "_" / "`" / "|" / "~". Every other byte of the UTF-8 form is percent-encoded.
    private static string EncodeExtendedValue(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        var encoded = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (IsAttributeChar(b))
            {
                encoded.Append((char)b);
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }

    private static bool IsAttributeChar(byte b) =>
        b is >= (byte)'a' and <= (byte)'z'
            or >= (byte)'A' and <= (byte)'Z'
            or >= (byte)'0' and <= (byte)'9'
            or (byte)'!' or (byte)'#' or (byte)'$' or (byte)'&' or (byte)'+' or (byte)'-' or (byte)'.'
            or (byte)'^' or (byte)'_' or (byte)'`' or (byte)'|' or (byte)'~';
}
