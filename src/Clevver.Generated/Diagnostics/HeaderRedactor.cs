using System.Net.Http.Headers;

namespace Clevver.Generated;

/// <summary>
/// Formats HTTP headers for logs by allow-list: the values of the headers listed here are written as
/// they are, and every other value, <c>Authorization</c> and cookies included, as <c>***</c>.
/// </summary>
internal static class HeaderRedactor
{
    /// <summary>The value written in place of a header value that is not allow-listed.</summary>
    public const string Redacted = "***";

    // Headers that carry no credentials or personal data. A header is added here only after checking
    // that the API never puts a secret in it.
    private static readonly HashSet<string> s_allowed = new(StringComparer.OrdinalIgnoreCase)
    {
        "Accept",
        "Content-Length",
        "Content-Type",
        "Date",
        "Retry-After",
        "Server",
        "Transfer-Encoding",
        "User-Agent",
        "X-Request-Id",
    };

    /// <summary>Returns whether the value of the header <paramref name="name"/> may be written to logs.</summary>
    public static bool IsAllowed(string name) => s_allowed.Contains(name);

    /// <summary>Returns <paramref name="headers"/> as <c>Name: value; Name: ***</c>, in the order they were sent.</summary>
    public static string Format(params HttpHeaders?[] headers)
    {
        var parts = new List<string>();
        foreach (var group in headers)
        {
            if (group is null)
            {
                continue;
            }

            foreach (var (name, values) in group.NonValidated)
            {
                parts.Add(IsAllowed(name) ? $"{name}: {string.Join(", ", values)}" : $"{name}: {Redacted}");
            }
        }

        return string.Join("; ", parts);
    }
}
