using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Clevver.Generated;

/// <summary>Turns an error response into a <see cref="ClevverApiException"/> that keeps the whole body.</summary>
internal static partial class ErrorResponseReader
{
    /// <summary>Bodies longer than this are cut, because an error page can be arbitrarily large.</summary>
    internal const int MaxBodyBytes = 1024 * 1024;

    private const int MaxMessageLength = 300;

    public static ClevverApiException CreateException(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var headers = CollectHeaders(response);
        var body = ReadBody(response.Content);
        var mediaType = response.Content?.Headers.ContentType?.MediaType;
        var errorBody = TryParseErrorBody(body, mediaType);
        var serverMessage = errorBody?.Message ?? ExtractMessage(body, mediaType);
        var requestLine = response.RequestMessage is { } request ? $"{request.Method} {request.RequestUri?.AbsolutePath}" : null;

        var message = new StringBuilder();
        message.Append(requestLine ?? "The request").Append(" failed with ").Append(status);
        if (!string.IsNullOrEmpty(response.ReasonPhrase))
        {
            message.Append(' ').Append(response.ReasonPhrase);
        }

        message.Append(serverMessage is null ? "." : $": {serverMessage}");
        message.Append(' ').Append(Advice(status));

        ClevverApiException exception = errorBody is null
            ? new ClevverApiException(message.ToString(), status, body, headers, null)
            : new ClevverApiException<ErrorResponse>(message.ToString(), status, body, headers, errorBody, null);
        exception.ServerMessage = serverMessage;
        exception.RequestLine = requestLine;
        return exception;
    }

    private static string Advice(int status) => status switch
    {
        401 or 403 => "Check the API token (CLEVVER_TOKEN).",
        404 => "Check the batch id and the base address.",
        413 => "The file is larger than the server accepts.",
        422 => "The batch is not in a state that allows this request.",
        429 => "The server is rate limiting; wait for Retry-After and try again.",
        >= 500 => "The server failed; try again later.",
        _ => "Check the request.",
    };

    private static Dictionary<string, IEnumerable<string>> CollectHeaders(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers)
        {
            headers[name] = values;
        }

        if (response.Content is not null)
        {
            foreach (var (name, values) in response.Content.Headers)
            {
                headers[name] = values;
            }
        }

        return headers;
    }

    // ProcessResponse, the generated hook that calls this, is synchronous. The body of an error is
    // small, and a client built by ClevverClient has already buffered it, so this read does not block.
    private static string ReadBody(HttpContent? content)
    {
        if (content is null)
        {
            return string.Empty;
        }

        using var stream = content.ReadAsStream();
        var buffer = new byte[MaxBodyBytes];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = stream.Read(buffer, length, buffer.Length - length)) > 0)
        {
            length += read;
        }

        var encoding = GetEncoding(content.Headers.ContentType);
        var text = encoding.GetString(buffer, 0, length);
        return length == buffer.Length && stream.ReadByte() >= 0 ? text + $"\n[the body was cut after {MaxBodyBytes} bytes]" : text;
    }

    private static Encoding GetEncoding(MediaTypeHeaderValue? contentType)
    {
        try
        {
            return contentType?.CharSet is { Length: > 0 } charSet ? Encoding.GetEncoding(charSet.Trim('"')) : Encoding.UTF8;
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8;
        }
    }

    private static ErrorResponse? TryParseErrorBody(string body, string? mediaType)
    {
        if (!LooksLikeJson(body, mediaType))
        {
            return null;
        }

        try
        {
            var error = JsonConvert.DeserializeObject<ErrorResponse>(body);
            return error is { Message.Length: > 0 } ? error : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? ExtractMessage(string body, string? mediaType)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        if (LooksLikeJson(body, mediaType))
        {
            try
            {
                var json = JToken.Parse(body);
                // RFC 9457 problem details put the explanation in "detail" and a summary in "title".
                var text = (string?)json.SelectToken("message") ?? (string?)json.SelectToken("error") ?? (string?)json.SelectToken("detail") ?? (string?)json.SelectToken("title");
                return text is null ? Shorten(body) : Shorten(text);
            }
            catch (JsonException)
            {
                return Shorten(body);
            }
            catch (InvalidCastException)
            {
                return Shorten(body);
            }
        }

        if (mediaType == "text/html" || body.TrimStart().StartsWith('<'))
        {
            var title = HtmlTitle().Match(body);
            return title.Success ? Shorten(title.Groups[1].Value) : Shorten(HtmlTag().Replace(body, " "));
        }

        return Shorten(body);
    }

    private static bool LooksLikeJson(string body, string? mediaType) =>
        mediaType is not null && (mediaType.EndsWith("/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
        || body.TrimStart().StartsWith('{');

    private static string Shorten(string text)
    {
        var line = Whitespace().Replace(text, " ").Trim();
        return line.Length <= MaxMessageLength ? line : line[..MaxMessageLength] + "...";
    }

    [GeneratedRegex(@"<title[^>]*>(.*?)</title>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex HtmlTitle();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
