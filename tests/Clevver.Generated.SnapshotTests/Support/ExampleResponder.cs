using System.Net;
using System.Text;

namespace Clevver.Generated.SnapshotTests.Support;

/// <summary>Answers every request with one documented response body from api/examples.</summary>
internal sealed class ExampleResponder(HttpStatusCode status, string body) : HttpMessageHandler
{
    /// <summary>Reads a documented response body, copied next to the tests from api/examples.</summary>
    public static string ReadExample(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", name));

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = new HttpResponseMessage(status)
        {
            RequestMessage = request,
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        return Task.FromResult(response);
    }
}
