using System.Net;
using System.Security.Cryptography;
using Clevver.Generated.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Clevver.Generated.Tests.Reliability;

public sealed class RetryTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2024, 1, 24, 5, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(HttpStatusCode.RequestTimeout)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task Get_TransientStatus_IsRetried(HttpStatusCode status)
    {
        var transport = new ScriptedTransport(_clock).Respond(status).Respond(HttpStatusCode.OK, ScriptedClient.BatchJson());
        var client = ScriptedClient.Create(transport, ScriptedClient.Options(_clock));

        var response = await ScriptedClient.RunAsync(_clock, client.GetAsync(ScriptedClient.BatchId));

        Assert.Equal(ScriptedClient.BatchId, response.Data.Id);
        Assert.Equal(2, transport.Requests.Count);
    }

    [Fact]
    public async Task Get_NetworkFailure_IsRetried()
    {
        var transport = new ScriptedTransport(_clock).Fail(HttpRequestError.ResponseEnded).Respond(HttpStatusCode.OK, ScriptedClient.BatchJson());
        var client = ScriptedClient.Create(transport, ScriptedClient.Options(_clock));

        var response = await ScriptedClient.RunAsync(_clock, client.GetAsync(ScriptedClient.BatchId));

        Assert.Equal(BatchStatus.Created, response.Data.Status);
        Assert.Equal(2, transport.Requests.Count);
    }

    [Fact]
    public async Task Get_RetryAfter_SetsTheDelay()
    {
        var transport = new ScriptedTransport(_clock)
            .Respond(HttpStatusCode.TooManyRequests, configure: response => response.Headers.RetryAfter = new(TimeSpan.FromSeconds(7)))
            .Respond(HttpStatusCode.OK, ScriptedClient.BatchJson());
        var client = ScriptedClient.Create(transport, ScriptedClient.Options(_clock));

        await ScriptedClient.RunAsync(_clock, client.GetAsync(ScriptedClient.BatchId));

        Assert.Equal(TimeSpan.FromSeconds(7), transport.Requests[1].At - transport.Requests[0].At);
    }

    [Fact]
    public async Task Get_RetryAfterBeyondMaxRetryDelay_IsRaised()
    {
        var transport = new ScriptedTransport(_clock)
            .Respond(HttpStatusCode.ServiceUnavailable, configure: response => response.Headers.RetryAfter = new(TimeSpan.FromMinutes(5)));
        var client = ScriptedClient.Create(transport, ScriptedClient.Options(_clock));

        var exception = await Assert.ThrowsAnyAsync<ClevverApiException>(() => ScriptedClient.RunAsync(_clock, client.GetAsync(ScriptedClient.BatchId)));

        Assert.Equal(503, exception.StatusCode);
        Assert.Single(transport.Requests);
    }

    [Fact]
    public async Task Get_PersistentFailure_StopsAfterMaxRetries()
    {
        var transport = new ScriptedTransport(_clock);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            transport.Respond(HttpStatusCode.BadGateway);
        }

        var options = ScriptedClient.Options(_clock);
        options.MaxRetries = 2;
        var client = ScriptedClient.Create(transport, options);

        var exception = await Assert.ThrowsAnyAsync<ClevverApiException>(() => ScriptedClient.RunAsync(_clock, client.GetAsync(ScriptedClient.BatchId)));

        Assert.Equal(502, exception.StatusCode);
        Assert.Equal(3, transport.Requests.Count);
    }

    [Fact]
    public async Task Get_ClientError_IsNotRetried()
    {
        var transport = new ScriptedTransport(_clock).Respond(HttpStatusCode.NotFound, """{"status":"error","message":"Batch not found."}""");
        var client = ScriptedClient.Create(transport, ScriptedClient.Options(_clock));

        var exception = await Assert.ThrowsAnyAsync<ClevverApiException>(() => ScriptedClient.RunAsync(_clock, client.GetAsync(ScriptedClient.BatchId)));

        Assert.Equal(404, exception.StatusCode);
        Assert.Single(transport.Requests);
    }

    [Fact]
    public async Task Get_CancelledDuringBackoff_IsCancellation()
    {
        var transport = new ScriptedTransport(_clock).Respond(HttpStatusCode.ServiceUnavailable);
        var client = ScriptedClient.Create(transport, ScriptedClient.Options(_clock));
        using var cancellation = new CancellationTokenSource();

        var call = client.GetAsync(ScriptedClient.BatchId, cancellation.Token);
        for (var wait = 0; wait < 250 && transport.Requests.Count == 0; wait++)
        {
            // The first attempt must have failed, so the cancellation falls in the backoff.
            await Task.WhenAny(call, Task.Delay(20));
        }

        cancellation.Cancel();
        var exception = await Record.ExceptionAsync(() => call);

        Assert.IsAssignableFrom<OperationCanceledException>(exception);
        Assert.Single(transport.Requests);
    }

    [Fact]
    public async Task Create_AfterServerError_IsNotRetried()
    {
        var transport = new ScriptedTransport(_clock).Respond(HttpStatusCode.ServiceUnavailable);
        var client = ScriptedClient.Create(transport, ScriptedClient.Options(_clock));

        var exception = await Assert.ThrowsAnyAsync<ClevverApiException>(() => ScriptedClient.RunAsync(_clock, client.CreateAsync()));

        Assert.Equal(503, exception.StatusCode);
        Assert.Single(transport.Requests);
    }

    [Fact]
    public async Task Create_AfterResponseLost_IsNotRetried()
    {
        var transport = new ScriptedTransport(_clock).Fail(HttpRequestError.ResponseEnded);
        var client = ScriptedClient.Create(transport, ScriptedClient.Options(_clock));

        await Assert.ThrowsAsync<HttpRequestException>(() => ScriptedClient.RunAsync(_clock, client.CreateAsync()));

        Assert.Single(transport.Requests);
    }

    [Theory]
    [InlineData(HttpRequestError.ConnectionError)]
    [InlineData(HttpRequestError.NameResolutionError)]
    public async Task Create_FailedBeforeSending_IsRetried(HttpRequestError error)
    {
        var transport = new ScriptedTransport(_clock).Fail(error).Respond(HttpStatusCode.Created, ScriptedClient.BatchJson());
        var client = ScriptedClient.Create(transport, ScriptedClient.Options(_clock));

        var response = await ScriptedClient.RunAsync(_clock, client.CreateAsync());

        Assert.Equal(ScriptedClient.BatchId, response.Data.Id);
        Assert.Equal(2, transport.Requests.Count);
    }

    [Fact]
    public async Task Start_RepeatedAfterServerError_ReportsStartedBatch()
    {
        var transport = new ScriptedTransport(_clock)
            .Respond(HttpStatusCode.BadGateway)
            .Respond(HttpStatusCode.UnprocessableEntity, """{"status":"error","message":"Batch was already started."}""")
            .Respond(HttpStatusCode.OK, ScriptedClient.BatchJson("processing"));
        var client = ScriptedClient.Create(transport, ScriptedClient.Options(_clock));

        var response = await ScriptedClient.RunAsync(_clock, client.StartAsync(ScriptedClient.BatchId));

        Assert.Equal(BatchStatus.Processing, response.Data.Status);
        Assert.Equal(("GET", $"/api/batches/{ScriptedClient.BatchId}"), (transport.Requests[2].Method, transport.Requests[2].Path));
    }

    [Fact]
    public async Task Start_RepeatedButBatchNotStarted_Raises422()
    {
        var transport = new ScriptedTransport(_clock)
            .Respond(HttpStatusCode.ServiceUnavailable)
            .Respond(HttpStatusCode.UnprocessableEntity, """{"status":"error","message":"Batch has no files."}""")
            .Respond(HttpStatusCode.OK, ScriptedClient.BatchJson("created"));
        var client = ScriptedClient.Create(transport, ScriptedClient.Options(_clock));

        var exception = await Assert.ThrowsAnyAsync<ClevverApiException>(() => ScriptedClient.RunAsync(_clock, client.StartAsync(ScriptedClient.BatchId)));

        Assert.Equal(422, exception.StatusCode);
        Assert.Equal("Batch has no files.", exception.ServerMessage);
    }

    [Fact]
    public async Task Start_FirstAttempt422_IsRaised()
    {
        var transport = new ScriptedTransport(_clock).Respond(HttpStatusCode.UnprocessableEntity, """{"status":"error","message":"Batch was already started."}""");
        var client = ScriptedClient.Create(transport, ScriptedClient.Options(_clock));

        var exception = await Assert.ThrowsAnyAsync<ClevverApiException>(() => ScriptedClient.RunAsync(_clock, client.StartAsync(ScriptedClient.BatchId)));

        Assert.Equal(422, exception.StatusCode);
        Assert.Single(transport.Requests);
    }

    [Fact]
    public async Task Upload_FailedBeforeSending_IsRetriedWithNewHash()
    {
        var bytes = RandomNumberGenerator.GetBytes(5000);
        var checksum = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var transport = new ScriptedTransport(_clock)
            .Fail(HttpRequestError.ConnectionError)
            .Respond(HttpStatusCode.OK, ScriptedClient.BatchJson("created"))
            .Respond(HttpStatusCode.OK, ScriptedClient.AssetJson(checksum, bytes.Length));
        var client = ScriptedClient.Create(transport, ScriptedClient.Options(_clock));
        using var stream = new MemoryStream(bytes);

        var result = await ScriptedClient.RunAsync(_clock, client.UploadAsync(ScriptedClient.BatchId, stream, "a.bin"));

        Assert.Equal(checksum, result.Sha256);
        Assert.Equal(["POST", "GET", "POST"], transport.Requests.Select(request => request.Method));
        Assert.True(stream.CanRead, "The caller's stream was disposed.");
    }

    [Fact]
    public async Task Upload_StartedBatch_IsNotRetried()
    {
        var transport = new ScriptedTransport(_clock)
            .Fail(HttpRequestError.ConnectionError)
            .Respond(HttpStatusCode.OK, ScriptedClient.BatchJson("processing"));
        var client = ScriptedClient.Create(transport, ScriptedClient.Options(_clock));
        using var stream = new MemoryStream([1, 2, 3]);

        await Assert.ThrowsAsync<HttpRequestException>(() => ScriptedClient.RunAsync(_clock, client.UploadAsync(ScriptedClient.BatchId, stream, "a.bin")));

        Assert.Equal(["POST", "GET"], transport.Requests.Select(request => request.Method));
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.InternalServerError)]
    public async Task Upload_AfterServerError_IsNotRetried(HttpStatusCode status)
    {
        var transport = new ScriptedTransport(_clock).Respond(status);
        var client = ScriptedClient.Create(transport, ScriptedClient.Options(_clock));
        using var stream = new MemoryStream([1, 2, 3]);

        var exception = await Assert.ThrowsAnyAsync<ClevverApiException>(() => ScriptedClient.RunAsync(_clock, client.UploadAsync(ScriptedClient.BatchId, stream, "a.bin")));

        Assert.Equal((int)status, exception.StatusCode);
        Assert.Single(transport.Requests);
    }

    [Fact]
    public async Task Upload_StreamThatCannotSeek_IsNotRetried()
    {
        var transport = new ScriptedTransport(_clock).Fail(HttpRequestError.ConnectionError);
        var client = ScriptedClient.Create(transport, ScriptedClient.Options(_clock));
        using var stream = new ForwardOnlyStream(new MemoryStream([1, 2, 3]));

        await Assert.ThrowsAsync<HttpRequestException>(() => ScriptedClient.RunAsync(_clock, client.UploadAsync(ScriptedClient.BatchId, stream, "a.bin")));

        Assert.Single(transport.Requests);
    }

    [Fact]
    public async Task Retry_IsLogged()
    {
        var logs = new ListLoggerFactory();
        var transport = new ScriptedTransport(_clock).Respond(HttpStatusCode.ServiceUnavailable).Respond(HttpStatusCode.OK, ScriptedClient.BatchJson());
        var options = ScriptedClient.Options(_clock);
        options.LoggerFactory = logs;
        var client = ScriptedClient.Create(transport, options);

        await ScriptedClient.RunAsync(_clock, client.GetAsync(ScriptedClient.BatchId));

        var retry = Assert.Single(logs.Entries, entry => entry.EventId == 2001);
        Assert.Contains("status 503", retry.Message);
        Assert.DoesNotContain(ScriptedClient.Token, string.Join("\n", logs.Entries.Select(entry => entry.Message)));
    }

    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
