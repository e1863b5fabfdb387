using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace Clevver.Emulator.Tests;

public sealed class FaultTests
{
    [Fact]
    public async Task TooManyRequests_CountTwo_ThenHandled()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        Guid batchId = await emulator.CreateBatchAsync();
        emulator.Host.Faults.Add(new FaultRule { Route = FaultRoute.Get, Kind = FaultKind.TooManyRequests, RetryAfter = TimeSpan.FromSeconds(3), Count = 2 });

        using HttpResponseMessage first = await emulator.Client.GetAsync($"batches/{batchId}");
        using HttpResponseMessage second = await emulator.Client.GetAsync($"batches/{batchId}");
        using HttpResponseMessage third = await emulator.Client.GetAsync($"batches/{batchId}");
        JsonElement body = await TestEmulator.ReadJsonAsync(first);

        Assert.Equal(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), first.Headers.RetryAfter?.Delta);
        Assert.Equal("application/json", first.Content.Headers.ContentType?.MediaType);
        Assert.Equal("error", body.GetProperty("status").GetString());
        Assert.Contains("Retry-After", body.GetProperty("message").GetString());
        Assert.Equal(3, emulator.Host.Faults.GetRequestCount(FaultRoute.Get));
        Assert.Equal(2, emulator.Host.Faults.GetFaultCount(FaultRoute.Get));
    }

    [Fact]
    public async Task TooManyRequests_NoRetryAfter_SendsOneSecond()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        emulator.Host.Faults.Add(new FaultRule { Route = FaultRoute.List, Kind = FaultKind.TooManyRequests });

        using HttpResponseMessage response = await emulator.Client.GetAsync("batches");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
    }

    [Theory]
    [InlineData(FaultKind.InternalServerError, HttpStatusCode.InternalServerError)]
    [InlineData(FaultKind.ServiceUnavailable, HttpStatusCode.ServiceUnavailable)]
    public async Task ServerError_HasErrorBodyWithoutRetryAfter(FaultKind kind, HttpStatusCode expected)
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        emulator.Host.Faults.Add(new FaultRule { Route = FaultRoute.Create, Kind = kind, Count = 1 });

        using HttpResponseMessage response = await emulator.Client.PostAsync("batches", content: null);
        JsonElement body = await TestEmulator.ReadJsonAsync(response);

        Assert.Equal(expected, response.StatusCode);
        Assert.Null(response.Headers.RetryAfter);
        Assert.Equal("error", body.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task ServiceUnavailable_WithRetryAfter_RoundsUp()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        emulator.Host.Faults.Add(new FaultRule { Route = FaultRoute.List, Kind = FaultKind.ServiceUnavailable, RetryAfter = TimeSpan.FromSeconds(1.2) });

        using HttpResponseMessage response = await emulator.Client.GetAsync("batches");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task FaultedCreate_CreatesNoBatch()
    {
        FakeTimeProvider clock = new();
        await using TestEmulator emulator = await TestEmulator.StartAsync(new EmulatorOptions { TimeProvider = clock, DeliveryTime = TimeSpan.FromSeconds(1) });
        emulator.Host.Faults.Add(new FaultRule { Route = FaultRoute.Create, Kind = FaultKind.InternalServerError, Count = 1 });

        using HttpResponseMessage faulted = await emulator.Client.PostAsync("batches", content: null);
        Guid batchId = await emulator.CreateBatchAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, faulted.StatusCode);
        Assert.Single(Directory.GetDirectories(emulator.Host.DataDirectory), path => Guid.TryParse(Path.GetFileName(path), out _));
        Assert.True(Directory.Exists(Path.Combine(emulator.Host.DataDirectory, batchId.ToString())));
    }

    [Fact]
    public async Task ConnectionReset_ThrowsThenRecovers()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        emulator.Host.Faults.Add(new FaultRule { Route = FaultRoute.List, Kind = FaultKind.ConnectionReset, Count = 1 });

        HttpRequestException exception = await Assert.ThrowsAsync<HttpRequestException>(() => emulator.Client.GetAsync("batches"));
        using HttpResponseMessage after = await emulator.Client.GetAsync("batches");

        Assert.Null(exception.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(1, emulator.Host.Faults.GetFaultCount(FaultRoute.List));
    }

    [Fact]
    public async Task TruncatedBody_HeadersThenCutBody()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        emulator.Host.Faults.Add(new FaultRule { Route = FaultRoute.List, Kind = FaultKind.TruncatedBody, Count = 1 });

        using HttpResponseMessage response = await emulator.Client.GetAsync("batches", HttpCompletionOption.ResponseHeadersRead);
        long? announced = response.Content.Headers.ContentLength;
        Exception? readFailure = await Record.ExceptionAsync(() => response.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(announced > 0, $"Content-Length was {announced}.");
        Assert.IsAssignableFrom<IOException>(readFailure is HttpRequestException { InnerException: { } inner } ? inner : readFailure);
    }

    [Fact]
    public async Task SlowResponse_WaitsForTheClock()
    {
        FakeTimeProvider clock = new();
        await using TestEmulator emulator = await TestEmulator.StartAsync(new EmulatorOptions { TimeProvider = clock });
        emulator.Host.Faults.Add(new FaultRule { Route = FaultRoute.List, Kind = FaultKind.SlowResponse, Delay = TimeSpan.FromMinutes(5), Count = 1 });

        Task<HttpResponseMessage> pending = emulator.Client.GetAsync("batches");
        await WaitUntilAsync(() => emulator.Host.Faults.GetFaultCount(FaultRoute.List) == 1);
        clock.Advance(TimeSpan.FromMinutes(4));
        bool completedEarly = pending.IsCompleted;
        clock.Advance(TimeSpan.FromMinutes(1));
        using HttpResponseMessage response = await pending;

        Assert.False(completedEarly);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(FaultKind.TooManyRequests)]
    [InlineData(FaultKind.InternalServerError)]
    [InlineData(FaultKind.ServiceUnavailable)]
    [InlineData(FaultKind.ConnectionReset)]
    [InlineData(FaultKind.TruncatedBody)]
    public async Task FaultedUpload_RecordsNoFile(FaultKind kind)
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        Guid batchId = await emulator.CreateBatchAsync();
        emulator.Host.Faults.Add(new FaultRule { Route = FaultRoute.Upload, Kind = kind, Count = 1 });

        Exception? failure = await Record.ExceptionAsync(async () =>
        {
            using HttpResponseMessage response = await emulator.UploadAsync(batchId, new byte[100_000], "a.bin");
            await response.Content.ReadAsByteArrayAsync();
        });
        IReadOnlyList<string> filesAfterFault = emulator.ListUploadedFiles();
        int assetsAfterFault = emulator.Host.Store.GetAssets(batchId)!.Count;
        await emulator.UploadAssetAsync(batchId, [1], "b.bin");

        Assert.True(failure is null or HttpRequestException, $"Unexpected exception: {failure}");
        Assert.Empty(filesAfterFault);
        Assert.Equal(0, assetsAfterFault);
        Assert.Single(emulator.Host.Store.GetAssets(batchId)!);
        Assert.Equal(2, emulator.Host.Faults.GetRequestCount(FaultRoute.Upload));
    }

    [Fact]
    public async Task Probability_SameSeed_SameRequestsFaulted()
    {
        FaultRule rule = new() { Route = FaultRoute.List, Kind = FaultKind.InternalServerError, Probability = 0.5, Seed = 42 };

        IReadOnlyList<HttpStatusCode> first = await ListManyAsync(rule, 40);
        IReadOnlyList<HttpStatusCode> second = await ListManyAsync(rule, 40);

        Assert.Equal(first, second);
        Assert.Contains(HttpStatusCode.OK, first);
        Assert.Contains(HttpStatusCode.InternalServerError, first);
    }

    [Fact]
    public async Task Probability_WithCount_StopsAtCount()
    {
        FaultRule rule = new() { Route = FaultRoute.List, Kind = FaultKind.InternalServerError, Probability = 0.5, Seed = 7, Count = 3 };

        IReadOnlyList<HttpStatusCode> statuses = await ListManyAsync(rule, 40);

        Assert.Equal(3, statuses.Count(status => status == HttpStatusCode.InternalServerError));
    }

    [Fact]
    public async Task AnyRoute_FaultsEveryRoute()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        emulator.Host.Faults.Add(new FaultRule { Kind = FaultKind.ServiceUnavailable, Count = 2 });

        using HttpResponseMessage list = await emulator.Client.GetAsync("batches");
        using HttpResponseMessage create = await emulator.Client.PostAsync("batches", content: null);
        using HttpResponseMessage handled = await emulator.Client.GetAsync("batches");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, list.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, create.StatusCode);
        Assert.Equal(HttpStatusCode.OK, handled.StatusCode);
        Assert.Equal(2, emulator.Host.Faults.GetFaultCount(FaultRoute.Any));
    }

    [Fact]
    public async Task Rules_FirstMatchWins_ClearRemovesAll()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        emulator.Host.Faults.Add(new FaultRule { Route = FaultRoute.List, Kind = FaultKind.InternalServerError, Count = 1 });
        emulator.Host.Faults.Add(new FaultRule { Route = FaultRoute.List, Kind = FaultKind.ServiceUnavailable });

        using HttpResponseMessage first = await emulator.Client.GetAsync("batches");
        using HttpResponseMessage second = await emulator.Client.GetAsync("batches");
        emulator.Host.Faults.Clear();
        using HttpResponseMessage third = await emulator.Client.GetAsync("batches");

        Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
    }

    [Fact]
    public async Task Counters_CountEveryRouteSeparately()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        Guid batchId = await emulator.CreateBatchAsync();
        await emulator.UploadAssetAsync(batchId, [1], "a.bin");
        await emulator.GetJsonAsync($"batches/{batchId}");
        await emulator.GetJsonAsync($"batches/{batchId}");
        await emulator.GetJsonAsync("batches");
        using HttpResponseMessage started = await emulator.StartBatchAsync(batchId);
        using HttpClient noToken = new() { BaseAddress = emulator.Host.BaseAddress };
        using HttpResponseMessage rejected = await noToken.GetAsync("batches");
        using HttpResponseMessage unmapped = await emulator.Client.GetAsync("nothing");

        Assert.Equal(1, emulator.Host.Faults.GetRequestCount(FaultRoute.Create));
        Assert.Equal(1, emulator.Host.Faults.GetRequestCount(FaultRoute.Upload));
        Assert.Equal(2, emulator.Host.Faults.GetRequestCount(FaultRoute.Get));
        Assert.Equal(2, emulator.Host.Faults.GetRequestCount(FaultRoute.List));
        Assert.Equal(1, emulator.Host.Faults.GetRequestCount(FaultRoute.Start));
        Assert.Equal(7, emulator.Host.Faults.GetRequestCount(FaultRoute.Any));
        Assert.Equal(0, emulator.Host.Faults.GetFaultCount(FaultRoute.Any));
        Assert.Equal(HttpStatusCode.Unauthorized, rejected.StatusCode);
    }

    [Fact]
    public async Task ResetCounts_SetsZeroKeepsRules()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        emulator.Host.Faults.Add(new FaultRule { Route = FaultRoute.List, Kind = FaultKind.InternalServerError, Count = 2 });
        using HttpResponseMessage before = await emulator.Client.GetAsync("batches");

        emulator.Host.Faults.ResetCounts();
        using HttpResponseMessage after = await emulator.Client.GetAsync("batches");

        Assert.Equal(HttpStatusCode.InternalServerError, after.StatusCode);
        Assert.Equal(1, emulator.Host.Faults.GetRequestCount(FaultRoute.List));
        Assert.Equal(1, emulator.Host.Faults.GetFaultCount(FaultRoute.List));
    }

    [Fact]
    public async Task OptionsFaults_ApplyFromStart()
    {
        EmulatorOptions options = new();
        options.Faults.Add(new FaultRule { Route = FaultRoute.List, Kind = FaultKind.TooManyRequests, Count = 1 });
        await using TestEmulator emulator = await TestEmulator.StartAsync(options);

        using HttpResponseMessage response = await emulator.Client.GetAsync("batches");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
    }

    public static TheoryData<string, FaultRule> InvalidRules => new()
    {
        { "Count", new FaultRule { Count = 0 } },
        { "Probability", new FaultRule { Probability = 0 } },
        { "Probability", new FaultRule { Probability = 1.5 } },
        { "RetryAfter", new FaultRule { RetryAfter = TimeSpan.FromSeconds(-1) } },
        { "Delay", new FaultRule { Kind = FaultKind.SlowResponse } },
        { "Route", new FaultRule { Route = (FaultRoute)99 } },
        { "Kind", new FaultRule { Kind = (FaultKind)99 } },
    };

    [Theory]
    [MemberData(nameof(InvalidRules))]
    public async Task Add_InvalidRule_ThrowsNamingProperty(string propertyName, FaultRule rule)
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();

        ArgumentException exception = Assert.ThrowsAny<ArgumentException>(() => emulator.Host.Faults.Add(rule));

        Assert.Equal(propertyName, exception.ParamName);
    }

    private static async Task<IReadOnlyList<HttpStatusCode>> ListManyAsync(FaultRule rule, int requestCount)
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        emulator.Host.Faults.Add(rule);

        List<HttpStatusCode> statuses = [];
        for (int index = 0; index < requestCount; index++)
        {
            using HttpResponseMessage response = await emulator.Client.GetAsync("batches");
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }

    /// <summary>Waits for a condition that a request on another thread makes true, failing after a generous deadline.</summary>
    internal static async Task WaitUntilAsync(Func<bool> condition)
    {
        using CancellationTokenSource deadline = new(TimeSpan.FromSeconds(60));
        while (!condition())
        {
            await Task.Delay(10, deadline.Token);
        }
    }
}
