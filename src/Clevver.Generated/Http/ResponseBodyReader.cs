using System.Text;
using Newtonsoft.Json;

namespace Clevver.Generated;

/// <summary>
/// Reads a successful JSON response into a model, and turns every way the body can break the
/// contract into a <see cref="ClevverApiException"/> that keeps the status, the headers and an
/// excerpt of the body.
/// </summary>
internal static class ResponseBodyReader
{
    /// <summary>Number of leading body bytes kept for the exception of an unreadable body.</summary>
    internal const int ExcerptBytes = 4096;

    /// <summary>
    /// Deserializes the body of <paramref name="response"/> as <typeparamref name="T"/>, reading at most
    /// <paramref name="maxBodyBytes"/> bytes. Returns null for an empty body or a JSON <c>null</c>,
    /// with the excerpt, so that the caller raises its own exception for a missing body.
    /// </summary>
    /// <exception cref="ClevverApiException">The body is not JSON, is larger than the limit, or does not match <typeparamref name="T"/>.</exception>
    public static async Task<(T? Value, string Excerpt)> ReadAsync<T>(
        HttpResponseMessage response,
        IReadOnlyDictionary<string, IEnumerable<string>> headers,
        JsonSerializerSettings settings,
        long maxBodyBytes,
        CancellationToken cancellationToken)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        var stream = new ExcerptStream(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), maxBodyBytes);
        await using (stream.ConfigureAwait(false))
        {
            if (mediaType is not null && !IsJson(mediaType))
            {
                await stream.ReadToExcerptAsync(cancellationToken).ConfigureAwait(false);
                throw Create(response, headers, stream.Excerpt, $"has the content type '{mediaType}' instead of JSON", null);
            }

            try
            {
                using var reader = new JsonTextReader(new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 16 * 1024));
                var value = JsonSerializer.Create(settings).Deserialize<T>(reader);
                return (value, value is null ? stream.Excerpt : string.Empty);
            }
            catch (ResponseTooLargeException)
            {
                throw CreateTooLargeException(response, maxBodyBytes, headers, stream.Excerpt);
            }
            catch (Exception exception) when (exception is JsonException or FormatException or OverflowException or InvalidCastException or ArgumentException)
            {
                throw Create(response, headers, stream.Excerpt, $"cannot be read as {typeof(T).Name}: {exception.Message.TrimEnd('.')}", exception);
            }
        }
    }

    /// <summary>Creates the exception for a successful response whose body exceeds <paramref name="maxBodyBytes"/>.</summary>
    public static ClevverApiException CreateTooLargeException(
        HttpResponseMessage response, long maxBodyBytes, IReadOnlyDictionary<string, IEnumerable<string>>? headers = null, string excerpt = "")
    {
        var length = response.Content.Headers.ContentLength is long contentLength ? $"{contentLength} bytes, " : string.Empty;
        return Create(
            response,
            headers ?? CollectHeaders(response),
            excerpt,
            $"is larger than the limit ({length}more than {maxBodyBytes} bytes). Raise ClevverClientOptions.MaxResponseBodyBytes if the server is right",
            null);
    }

    private static ClevverApiException Create(
        HttpResponseMessage response, IReadOnlyDictionary<string, IEnumerable<string>> headers, string excerpt, string problem, Exception? innerException)
    {
        var requestLine = response.RequestMessage is { } request ? $"{request.Method} {request.RequestUri?.AbsolutePath}" : null;
        var status = (int)response.StatusCode;
        var message = $"The response to {requestLine ?? "the request"} with status {status} {problem}. The server does not follow the API contract; report it with this body excerpt.";
        return new ClevverApiException(message, status, excerpt, headers, innerException) { RequestLine = requestLine };
    }

    private static Dictionary<string, IEnumerable<string>> CollectHeaders(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers)
        {
            headers[name] = values;
        }

        foreach (var (name, values) in response.Content.Headers)
        {
            headers[name] = values;
        }

        return headers;
    }

    private static bool IsJson(string mediaType) =>
        mediaType.EndsWith("/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);

    /// <summary>Raised by <see cref="ExcerptStream"/> past its limit, and caught before it leaves the reader.</summary>
    private sealed class ResponseTooLargeException() : IOException("The response body is larger than the limit.");

    /// <summary>
    /// A read-only view of a body that keeps its first <see cref="ExcerptBytes"/> bytes and fails
    /// once more than the limit was read.
    /// </summary>
    private sealed class ExcerptStream(Stream inner, long limit) : Stream
    {
        private readonly MemoryStream _excerpt = new();
        private long _total;

        public string Excerpt
        {
            get
            {
                var text = Encoding.UTF8.GetString(_excerpt.GetBuffer(), 0, (int)_excerpt.Length);
                return _total > _excerpt.Length ? text + $"\n[the excerpt ends after {ExcerptBytes} of {_total} bytes read]" : text;
            }
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _total; set => throw new NotSupportedException(); }

        public async Task ReadToExcerptAsync(CancellationToken cancellationToken)
        {
            var buffer = new byte[ExcerptBytes];
            while (_excerpt.Length < ExcerptBytes && await ReadAsync(buffer, cancellationToken).ConfigureAwait(false) > 0)
            {
            }
        }

        public override int Read(byte[] buffer, int offset, int count) => Record(buffer.AsSpan(offset, inner.Read(buffer, offset, count)));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            return Record(buffer.Span[..read]);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private int Record(ReadOnlySpan<byte> read)
        {
            var keep = (int)Math.Min(read.Length, ExcerptBytes - _excerpt.Length);
            _excerpt.Write(read[..keep]);
            _total += read.Length;
            if (_total > limit)
            {
                throw new ResponseTooLargeException();
            }

            return read.Length;
        }
    }
}
