using System.Net;
using System.Text;

namespace Clevver.Generated.Tests.Support;

/// <summary>
/// The bottom of a client's handler chain. It returns the next scripted step for each request and
/// records the method, path and clock time of every request.
/// </summary>
internal sealed class ScriptedTransport(TimeProvider clock) : HttpMessageHandler
{
    private readonly Queue<Func<HttpRequestMessage, HttpResponseMessage>> _steps = new();

    public List<(string Method, string Path, DateTimeOffset At)> Requests { get; } = [];

    public ScriptedTransport Respond(HttpStatusCode status, string body = "{}", string contentType = "application/json", Action<HttpResponseMessage>? configure = null)
    {
        _steps.Enqueue(request =>
        {
            var response = new HttpResponseMessage(status) { RequestMessage = request, Content = new StringContent(body, Encoding.UTF8, contentType) };
            configure?.Invoke(response);
            return response;
        });
        return this;
    }

    public ScriptedTransport Fail(HttpRequestError error) =>
        Then(_ => throw new HttpRequestException(error, $"Scripted failure: {error}."));

    public ScriptedTransport Then(Func<HttpRequestMessage, HttpResponseMessage> step)
    {
        _steps.Enqueue(step);
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add((request.Method.Method, request.RequestUri!.AbsolutePath, clock.GetUtcNow()));
        if (request.Content is not null)
        {
            // Reads the body as a server would, so that an upload body is written and hashed.
            await request.Content.CopyToAsync(Stream.Null, cancellationToken);
        }

        if (!_steps.TryDequeue(out var step))
        {
            throw new InvalidOperationException($"No scripted response is left for {request.Method} {request.RequestUri}.");
        }

        return step(request);
    }
}

/// <summary>Builds a client over a <see cref="ScriptedTransport"/> with the handlers that ClevverClient uses.</summary>
internal static class ScriptedClient
{
    public const string Token = "tok-SECRET-4242";

    public static readonly Guid BatchId = Guid.Parse("9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d");

    public static BatchesClient Create(ScriptedTransport transport, ClevverClientOptions options)
    {
        options.Validate();
        var httpClient = new HttpClient(ClevverHttpPipeline.Chain(ClevverHttpPipeline.CreateHandlers(options), transport))
        {
            BaseAddress = options.GetNormalizedBaseAddress(),
            Timeout = Timeout.InfiniteTimeSpan,
        };
        return new ResponseCheckingBatchesClient(httpClient, options);
    }

    public static ClevverClientOptions Options(TimeProvider clock) => new()
    {
        BaseAddress = new Uri("http://127.0.0.1:9/api"),
        Token = Token,
        TimeProvider = clock,
        RetryBaseDelay = TimeSpan.FromSeconds(1),
        MaxRetryDelay = TimeSpan.FromSeconds(10),
    };

    public static string BatchJson(string status = "created", string? id = null) =>
        $$$"""{"status":"success","data":{"id":"{{{id ?? BatchId.ToString()}}}","status":"{{{status}}}","progress":0,"created_at":"2024-01-24 05:32:50"}}""";

    public static string AssetJson(string checksum, long size, string name = "a.bin") =>
        $$$"""{"status":"success","message":"Asset successfully uploaded","data":{"id":"6f1c1c8e-3c52-4a43-9f70-3b0f1f9e2a11","status":"created","file":{"url":"/f/a"},"file_size":{{{size}}},"created_at":"2024-01-24T05:32:50.692Z","updated_at":"2024-01-24T05:32:50.692Z","checksum":"{{{checksum}}}","name":"{{{name}}}"}}""";

    /// <summary>Advances the fake clock one second at a time until <paramref name="task"/> ends, at most 120 steps.</summary>
    public static async Task<T> RunAsync<T>(Microsoft.Extensions.Time.Testing.FakeTimeProvider clock, Task<T> task)
    {
        for (var step = 0; step < 120 && !task.IsCompleted; step++)
        {
            // Lets the retry loop reach its next delay before the clock moves on.
            await Task.WhenAny(task, Task.Delay(20));
            if (!task.IsCompleted)
            {
                clock.Advance(TimeSpan.FromSeconds(1));
            }
        }

        return await task;
    }
}
