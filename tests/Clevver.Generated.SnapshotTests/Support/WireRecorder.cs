using System.Net.Http.Headers;
using System.Text;

namespace Clevver.Generated.SnapshotTests.Support;

/// <summary>
/// Records each request as the text that would go on the wire: request line, headers and body.
/// The token and the random multipart boundary are replaced, so that the text is stable and safe
/// to commit. The request then goes on to the inner handler.
/// </summary>
internal sealed class WireRecorder : DelegatingHandler
{
    public const string BoundaryPlaceholder = "BOUNDARY";

    public WireRecorder(HttpMessageHandler innerHandler)
        : base(innerHandler)
    {
    }

    public List<string> Requests { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(await DescribeAsync(request, cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }

    private static async Task<string> DescribeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        text.Append($"{request.Method} {request.RequestUri!.PathAndQuery} HTTP/{request.Version}\n");
        text.Append($"Host: {request.RequestUri.Authority}\n");
        AppendHeaders(text, request.Headers);

        if (request.Content is null)
        {
            text.Append("\n(no body)\n");
            return text.ToString();
        }

        // Reading the body first is what the transport does too: a content length is known only
        // once the body could compute it, and the upload body hashes while it is written.
        var body = await request.Content.ReadAsByteArrayAsync(cancellationToken);
        _ = request.Content.Headers.ContentLength;
        AppendHeaders(text, request.Content.Headers);
        text.Append('\n');
        text.Append(Encoding.UTF8.GetString(body));

        var boundary = request.Content.Headers.ContentType?.Parameters
            .FirstOrDefault(parameter => parameter.Name.Equals("boundary", StringComparison.OrdinalIgnoreCase))
            ?.Value?.Trim('"');
        return string.IsNullOrEmpty(boundary) ? text.ToString() : text.ToString().Replace(boundary, BoundaryPlaceholder);
    }

    private static void AppendHeaders(StringBuilder text, HttpHeaders headers)
    {
        foreach (var (name, values) in headers)
        {
            foreach (var value in values)
            {
                text.Append($"{name}: {Redact(name, value)}\n");
            }
        }
    }

    // Only the credential is hidden; the scheme stays visible because it is part of the contract.
    private static string Redact(string name, string value)
    {
        if (!name.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
        {
            return value;
        }

        var space = value.IndexOf(' ');
        return space < 0 ? "***" : value[..space] + " ***";
    }
}
