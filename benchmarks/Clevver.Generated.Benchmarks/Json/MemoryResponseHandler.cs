using System.Net;
using System.Net.Http.Headers;

namespace Clevver.Generated.Benchmarks.Json;

/// <summary>
/// Returns the same JSON body to every request as a stream over a byte array, so that deserialization
/// is measured without a network and without a string copy of the body.
/// </summary>
internal sealed class MemoryResponseHandler(byte[] body) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var content = new StreamContent(new MemoryStream(body, writable: false));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = content });
    }
}
