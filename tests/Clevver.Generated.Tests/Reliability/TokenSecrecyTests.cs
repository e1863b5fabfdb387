using System.Net;
using Clevver.Generated.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Clevver.Generated.Tests.Reliability;

public sealed class TokenSecrecyTests
{
    private readonly FakeTimeProvider _clock = new();

    public static TheoryData<string> Failures() =>
    [
        "401", "500", "unreadable body", "html body", "timeout", "network", "cancelled", "checksum", "line break in token", "options text",
    ];

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Failure_NeverShowsToken(string failure)
    {
        var text = failure switch
        {
            "401" => await FailureTextAsync(transport => transport.Respond(HttpStatusCode.Unauthorized, """{"status":"error","message":"Unauthenticated."}""")),
            "500" => await FailureTextAsync(transport => transport.Respond(HttpStatusCode.InternalServerError, "oops", "text/plain"), maxRetries: 0),
            "unreadable body" => await FailureTextAsync(transport => transport.Respond(HttpStatusCode.OK, "{\"status\":")),
            "html body" => await FailureTextAsync(transport => transport.Respond(HttpStatusCode.OK, "<html></html>", "text/html")),
            "timeout" => await TimeoutTextAsync(),
            "network" => await FailureTextAsync(transport => transport.Fail(HttpRequestError.ConnectionError), maxRetries: 0),
            "cancelled" => await CancelledTextAsync(),
            "checksum" => await ChecksumTextAsync(),
            "line break in token" => Record.Exception(() => new ClevverClientOptions { Token = ScriptedClient.Token + "\n" }.Validate())!.ToString(),
            _ => ScriptedClient.Options(_clock).ToString(),
        };

        Assert.DoesNotContain(ScriptedClient.Token, text);
    }

    private async Task<string> FailureTextAsync(Action<ScriptedTransport> script, int maxRetries = 3)
    {
        var transport = new ScriptedTransport(_clock);
        script(transport);
        var options = ScriptedClient.Options(_clock);
        options.MaxRetries = maxRetries;
        var client = ScriptedClient.Create(transport, options);

        var exception = await Record.ExceptionAsync(() => client.GetAsync(ScriptedClient.BatchId));

        Assert.NotNull(exception);
        return exception.ToString();
    }

    private async Task<string> TimeoutTextAsync()
    {
        var options = ScriptedClient.Options(_clock);
        options.RequestTimeout = TimeSpan.FromSeconds(5);
        var transport = new ScriptedTransport(_clock).Then(_ => throw new TaskCanceledException());
        var client = ScriptedClient.Create(transport, options);
        _clock.Advance(TimeSpan.Zero);

        var call = client.GetAsync(ScriptedClient.BatchId);
        var exception = await Record.ExceptionAsync(() => call);

        Assert.NotNull(exception);
        return exception.ToString();
    }

    private async Task<string> CancelledTextAsync()
    {
        var client = ScriptedClient.Create(new ScriptedTransport(_clock).Respond(HttpStatusCode.OK, ScriptedClient.BatchJson()), ScriptedClient.Options(_clock));

        var exception = await Record.ExceptionAsync(() => client.GetAsync(ScriptedClient.BatchId, new CancellationToken(canceled: true)));

        Assert.IsAssignableFrom<OperationCanceledException>(exception);
        return exception.ToString();
    }

    private async Task<string> ChecksumTextAsync()
    {
        var transport = new ScriptedTransport(_clock).Respond(HttpStatusCode.OK, ScriptedClient.AssetJson(new string('0', 64), 3));
        var client = ScriptedClient.Create(transport, ScriptedClient.Options(_clock));
        using var stream = new MemoryStream([1, 2, 3]);

        var exception = await Assert.ThrowsAsync<ClevverChecksumMismatchException>(() => client.UploadAsync(ScriptedClient.BatchId, stream, "a.bin"));

        return exception.ToString();
    }
}
