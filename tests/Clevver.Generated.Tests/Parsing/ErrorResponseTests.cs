using System.Net;
using Clevver.Generated.Tests.Support;

namespace Clevver.Generated.Tests.Parsing;

public class ErrorResponseTests
{
    [Theory]
    [InlineData("application/json", "{\"status\":\"error\",\"message\":\"Batch not found\"}", "Batch not found")]
    [InlineData("application/problem+json", "{\"title\":\"Not Found\",\"detail\":\"No batch with this id\",\"status\":404}", "No batch with this id")]
    [InlineData("text/plain", "Batch not found\n", "Batch not found")]
    [InlineData("text/html", "<html><head><title>404 Not Found</title></head><body><h1>nginx</h1></body></html>", "404 Not Found")]
    public async Task ErrorBody_AnyContentType_KeepsMessageAndBody(string contentType, string body, string expectedMessage)
    {
        var handler = new CannedResponseHandler(HttpStatusCode.NotFound, body, contentType);
        using var httpClient = new HttpClient(handler) { BaseAddress = new Uri("http://127.0.0.1:9/api/") };
        var client = new BatchesClient(httpClient);

        var exception = await Assert.ThrowsAnyAsync<ClevverApiException>(() => client.GetAsync(Guid.NewGuid()));

        Assert.Equal(404, exception.StatusCode);
        Assert.Equal(expectedMessage, exception.ServerMessage);
        Assert.Equal(body, exception.Response);
        Assert.Contains(expectedMessage, exception.Message);
        Assert.StartsWith("GET /api/batches/", exception.RequestLine);
    }

    [Fact]
    public async Task ErrorBody_DocumentedShape_IsTyped()
    {
        var handler = new CannedResponseHandler(HttpStatusCode.UnprocessableEntity, "{\"status\":\"error\",\"message\":\"Batch has no files\"}");
        using var httpClient = new HttpClient(handler) { BaseAddress = new Uri("http://127.0.0.1:9/api/") };
        var client = new BatchesClient(httpClient);

        var exception = await Assert.ThrowsAsync<ClevverApiException<ErrorResponse>>(() => client.StartAsync(Guid.NewGuid()));

        Assert.Equal("Batch has no files", exception.Result.Message);
        Assert.Equal("error", exception.Result.Status);
    }

    [Fact]
    public async Task ErrorBody_Empty_HasStatusOnlyMessage()
    {
        var handler = new CannedResponseHandler(HttpStatusCode.ServiceUnavailable, string.Empty, "text/plain");
        using var httpClient = new HttpClient(handler) { BaseAddress = new Uri("http://127.0.0.1:9/api/") };
        var client = new BatchesClient(httpClient);

        var exception = await Assert.ThrowsAnyAsync<ClevverApiException>(() => client.ListActiveAsync());

        Assert.Equal(503, exception.StatusCode);
        Assert.Null(exception.ServerMessage);
        Assert.Contains("failed with 503", exception.Message);
    }
}
