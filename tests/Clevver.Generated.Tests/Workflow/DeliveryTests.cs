using Clevver.Emulator;
using Clevver.Generated.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Clevver.Generated.Tests.Workflow;

public class DeliveryTests
{
    [Fact]
    public async Task Store_RealFiles_DeliversAndVerifiesEach()
    {
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions { DeliveryTime = TimeSpan.FromMilliseconds(500) });
        using var files = new TempFiles();
        var paths = new[] { files.Create("one.png", 10_000, seed: 1), files.Create("two.pdf", 20_000, seed: 2) };
        using var client = new ClevverClient(new ClevverClientOptions
        {
            BaseAddress = host.BaseAddress,
            Token = host.Token,
            PollInterval = TimeSpan.FromMilliseconds(50),
        });
        var stages = new List<StoreStage>();

        var result = await client.Batches.StoreAsync(paths, new InlineProgress<StoreProgress>(p => stages.Add(p.Stage)));

        Assert.Equal(BatchStatus.Delivered, result.Batch.Status);
        Assert.Equal(100, result.Batch.Progress);
        Assert.Equal(2, result.Files.Count);
        Assert.Equal(TempFiles.Sha256Of(paths[0]), result.Files[0].Upload.Sha256);
        Assert.Equal(TempFiles.Sha256Of(paths[1]), result.Files[1].Upload.Sha256);
        Assert.Equal("two.pdf", result.Files[1].Upload.Asset.Name);
        Assert.Equal(StoreStage.Delivered, stages[^1]);
        Assert.Contains(StoreStage.Uploading, stages);
    }

    [Fact]
    public async Task Store_MissingFile_CreatesNoBatch()
    {
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions());
        using var files = new TempFiles();
        var paths = new[] { files.Create("one.png", 10), Path.Combine(files.Directory, "missing.png") };
        using var client = new ClevverClient(new ClevverClientOptions { BaseAddress = host.BaseAddress, Token = host.Token });
        var stages = new List<StoreStage>();

        await Assert.ThrowsAsync<FileNotFoundException>(() => client.Batches.StoreAsync(paths, new InlineProgress<StoreProgress>(p => stages.Add(p.Stage))));

        Assert.DoesNotContain(StoreStage.Creating, stages);
    }

    [Fact]
    public async Task WaitForDelivery_FakeClock_ReportsProgressUntilDelivered()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions { DeliveryTime = TimeSpan.FromSeconds(60), TimeProvider = clock });
        using var client = new ClevverClient(new ClevverClientOptions
        {
            BaseAddress = host.BaseAddress,
            Token = host.Token,
            TimeProvider = clock,
            PollInterval = TimeSpan.FromSeconds(5),
            MaxPollInterval = TimeSpan.FromSeconds(5),
        });
        var batch = await StartedBatchAsync(client);
        var reports = new List<double>();

        var wait = client.Batches.WaitForDeliveryAsync(batch, new InlineProgress<Batch>(b => { lock (reports) { reports.Add(b.Progress); } }));
        await AdvanceUntilDoneAsync(clock, wait, TimeSpan.FromSeconds(5));
        var delivered = await wait;

        Assert.Equal(BatchStatus.Delivered, delivered.Status);
        Assert.True(reports.Count >= 3, $"Expected several polls, saw {reports.Count}.");
        Assert.Equal(reports.Order().ToList(), reports);
        Assert.Contains(reports, progress => progress is > 0 and < 100);
    }

    [Fact]
    public async Task WaitForDelivery_PastDeliveryTimeout_RaisesTimeout()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions { DeliveryTime = TimeSpan.FromHours(5), TimeProvider = clock });
        using var client = new ClevverClient(new ClevverClientOptions
        {
            BaseAddress = host.BaseAddress,
            Token = host.Token,
            TimeProvider = clock,
            PollInterval = TimeSpan.FromSeconds(10),
            MaxPollInterval = TimeSpan.FromSeconds(10),
            DeliveryTimeout = TimeSpan.FromMinutes(1),
        });
        var batch = await StartedBatchAsync(client);

        var wait = client.Batches.WaitForDeliveryAsync(batch);
        await AdvanceUntilDoneAsync(clock, wait, TimeSpan.FromSeconds(10));

        var exception = await Assert.ThrowsAsync<ClevverTimeoutException>(() => wait);
        Assert.Contains(batch.ToString(), exception.Message);
    }

    [Fact]
    public async Task WaitForDelivery_CallerCancels_RaisesCancellationNotTimeout()
    {
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions { DeliveryTime = TimeSpan.FromHours(5) });
        using var client = new ClevverClient(new ClevverClientOptions { BaseAddress = host.BaseAddress, Token = host.Token, PollInterval = TimeSpan.FromMilliseconds(20) });
        var batch = await StartedBatchAsync(client);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Batches.WaitForDeliveryAsync(batch, cancellationToken: cancellation.Token));

        Assert.IsNotType<ClevverTimeoutException>(exception);
    }

    private static async Task<Guid> StartedBatchAsync(ClevverClient client)
    {
        var created = await client.Batches.CreateAsync();
        await client.Batches.UploadAsync(created.Data.Id, new MemoryStream([7]), "seven.bin");
        await client.Batches.StartAsync(created.Data.Id);
        return created.Data.Id;
    }

    // Moves the fake clock one step whenever the client is waiting, until the task ends. The real
    // delay only gives the loopback request time to finish; the bound keeps a broken loop finite.
    private static async Task AdvanceUntilDoneAsync(FakeTimeProvider clock, Task task, TimeSpan step)
    {
        for (var i = 0; i < 2000 && !task.IsCompleted; i++)
        {
            await Task.Delay(10);
            clock.Advance(step);
        }
    }
}
