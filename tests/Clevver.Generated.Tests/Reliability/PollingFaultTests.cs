using Clevver.Emulator;
using Microsoft.Extensions.Time.Testing;

namespace Clevver.Generated.Tests.Reliability;

public class PollingFaultTests
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task WaitForDelivery_RetryAfter_HoldsNextPoll()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions { DeliveryTime = TimeSpan.FromSeconds(1), TimeProvider = clock });
        using var client = CreateClient(host, clock);
        var batchId = await StartedBatchAsync(client);
        host.Faults.ResetCounts();
        host.Faults.Add(new FaultRule { Route = FaultRoute.Get, Kind = FaultKind.ServiceUnavailable, RetryAfter = RetryAfter, Count = 1 });

        var wait = client.Batches.WaitForDeliveryAsync(batchId);
        await WaitUntilAsync(() => host.Faults.GetRequestCount(FaultRoute.Get) >= 1);
        clock.Advance(RetryAfter - TimeSpan.FromSeconds(1));
        // A client that ignored Retry-After would poll again within this real pause.
        await Task.Delay(300);
        var pollsBeforeRetryAfter = host.Faults.GetRequestCount(FaultRoute.Get);
        clock.Advance(TimeSpan.FromSeconds(2));
        var delivered = await AdvanceUntilDoneAsync(clock, wait);

        Assert.Equal(1, pollsBeforeRetryAfter);
        Assert.Equal(BatchStatus.Delivered, delivered.Status);
        Assert.Equal(1, host.Faults.GetFaultCount(FaultRoute.Get));
    }

    [Fact]
    public async Task WaitForDelivery_CancelledDuringRetryAfter_RaisesCancellation()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions { DeliveryTime = TimeSpan.FromHours(1), TimeProvider = clock });
        using var client = CreateClient(host, clock);
        var batchId = await StartedBatchAsync(client);
        host.Faults.ResetCounts();
        host.Faults.Add(new FaultRule { Route = FaultRoute.Get, Kind = FaultKind.TooManyRequests, RetryAfter = RetryAfter });
        using var cancellation = new CancellationTokenSource();

        var wait = client.Batches.WaitForDeliveryAsync(batchId, cancellationToken: cancellation.Token);
        await WaitUntilAsync(() => host.Faults.GetRequestCount(FaultRoute.Get) >= 1);
        cancellation.Cancel();

        var exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
        Assert.IsNotType<ClevverTimeoutException>(exception);
    }

    [Fact]
    public async Task WaitForDelivery_ServerErrors_DoNotEndWait()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions { DeliveryTime = TimeSpan.FromSeconds(10), TimeProvider = clock });
        using var client = CreateClient(host, clock);
        var batchId = await StartedBatchAsync(client);
        host.Faults.Add(new FaultRule { Route = FaultRoute.Get, Kind = FaultKind.InternalServerError, Count = 8 });

        var delivered = await AdvanceUntilDoneAsync(clock, client.Batches.WaitForDeliveryAsync(batchId));

        Assert.Equal(BatchStatus.Delivered, delivered.Status);
        Assert.Equal(8, host.Faults.GetFaultCount(FaultRoute.Get));
    }

    private static ClevverClient CreateClient(EmulatorHost host, FakeTimeProvider clock) => new(new ClevverClientOptions
    {
        BaseAddress = host.BaseAddress,
        Token = host.Token,
        TimeProvider = clock,
        PollInterval = TimeSpan.FromSeconds(1),
        MaxPollInterval = TimeSpan.FromSeconds(1),
    });

    private static async Task<Guid> StartedBatchAsync(ClevverClient client)
    {
        var created = await client.Batches.CreateAsync();
        await client.Batches.UploadAsync(created.Data.Id, new MemoryStream([7]), "seven.bin");
        await client.Batches.StartAsync(created.Data.Id);
        return created.Data.Id;
    }

    // Waits in real time for the client's request to reach the emulator; the bound keeps a broken
    // test finite on a loaded machine.
    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 1000 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition(), "The condition did not become true within 10 seconds.");
    }

    private static async Task<Batch> AdvanceUntilDoneAsync(FakeTimeProvider clock, Task<Batch> task)
    {
        for (var i = 0; i < 2000 && !task.IsCompleted; i++)
        {
            await Task.Delay(10);
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        return await task;
    }
}
