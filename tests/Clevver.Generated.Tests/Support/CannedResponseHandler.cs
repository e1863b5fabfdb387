using System.Net;
using System.Text;

namespace Clevver.Generated.Tests.Support;

/// <summary>Returns one fixed response to every request and records the requests it saw.</summary>
internal sealed class CannedResponseHandler(HttpStatusCode status, string body, string contentType = "application/json") : HttpMessageHandler
{
    public List<HttpRequestMessage> Requests { get; } = [];

    public static BatchesClient CreateClient(string body, out CannedResponseHandler handler, HttpStatusCode status = HttpStatusCode.OK)
    {
        handler = new CannedResponseHandler(status, body);
        var httpClient = new HttpClient(handler) { BaseAddress = new Uri("http://127.0.0.1:9/api/") };
        return new BatchesClient(httpClient);
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        return Task.FromResult(new HttpResponseMessage(status)
        {
            RequestMessage = request,
            Content = new StringContent(body, Encoding.UTF8, contentType),
        });
    }
}
