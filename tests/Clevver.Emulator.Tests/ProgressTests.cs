using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace Clevver.Emulator.Tests;

public sealed class ProgressTests
{
    private static readonly DateTimeOffset s_start = new(2024, 1, 24, 5, 32, 50, 692, TimeSpan.Zero);

    [Fact]
    public async Task Progress_AdvancesWithTime()
    {
        FakeTimeProvider clock = new(s_start);
        await using TestEmulator emulator = await TestEmulator.StartAsync(new EmulatorOptions { TimeProvider = clock, DeliveryTime = TimeSpan.FromSeconds(10) });
        Guid batchId = await CreateStartedBatchAsync(emulator);

        clock.Advance(TimeSpan.FromMilliseconds(1030));
        JsonElement early = (await emulator.GetJsonAsync($"batches/{batchId}")).GetProperty("data");
        clock.Advance(TimeSpan.FromMilliseconds(8669));
        JsonElement late = (await emulator.GetJsonAsync($"batches/{batchId}")).GetProperty("data");

        Assert.Equal("processing", early.GetProperty("status").GetString());
        Assert.Equal(10.3, early.GetProperty("progress").GetDouble());
        Assert.Equal("processing", late.GetProperty("status").GetString());
        Assert.Equal(96.9, late.GetProperty("progress").GetDouble());
    }

    [Fact]
    public async Task Progress_AtDeliveryTime_Delivered()
    {
        FakeTimeProvider clock = new(s_start);
        await using TestEmulator emulator = await TestEmulator.StartAsync(new EmulatorOptions { TimeProvider = clock, DeliveryTime = TimeSpan.FromSeconds(10) });
        Guid batchId = await CreateStartedBatchAsync(emulator);

        clock.Advance(TimeSpan.FromTicks(TimeSpan.FromSeconds(10).Ticks - 1));
        JsonElement almost = (await emulator.GetJsonAsync($"batches/{batchId}")).GetProperty("data");
        clock.Advance(TimeSpan.FromTicks(1));
        JsonElement delivered = (await emulator.GetJsonAsync($"batches/{batchId}")).GetProperty("data");

        Assert.Equal("processing", almost.GetProperty("status").GetString());
        Assert.Equal(99.9, almost.GetProperty("progress").GetDouble());
        Assert.Equal("delivered", delivered.GetProperty("status").GetString());
        Assert.Equal(100, delivered.GetProperty("progress").GetDouble());
        Assert.Equal("100", delivered.GetProperty("progress").GetRawText());
    }

    [Fact]
    public async Task List_ShowsOnlyProcessingBatches()
    {
        FakeTimeProvider clock = new(s_start);
        await using TestEmulator emulator = await TestEmulator.StartAsync(new EmulatorOptions { TimeProvider = clock, DeliveryTime = TimeSpan.FromSeconds(10) });
        Guid delivered = await CreateStartedBatchAsync(emulator);
        clock.Advance(TimeSpan.FromSeconds(6));
        Guid processing = await CreateStartedBatchAsync(emulator);
        Guid created = await emulator.CreateBatchAsync();
        clock.Advance(TimeSpan.FromSeconds(5));

        JsonElement list = await emulator.GetJsonAsync("batches");

        JsonElement only = Assert.Single(list.GetProperty("data").EnumerateArray());
        Assert.Equal(processing, only.GetProperty("id").GetGuid());
        Assert.Equal("processing", only.GetProperty("status").GetString());
        Assert.Equal(50, only.GetProperty("progress").GetDouble());
        Assert.Equal("2024-01-24 05:32:56", only.GetProperty("created_at").GetString());
        Assert.False(only.TryGetProperty("message", out _));
        Assert.Equal("delivered", (await emulator.GetJsonAsync($"batches/{delivered}")).GetProperty("data").GetProperty("status").GetString());
        Assert.Equal("created", (await emulator.GetJsonAsync($"batches/{created}")).GetProperty("data").GetProperty("status").GetString());
    }

    [Fact]
    public async Task List_AfterDelivery_IsEmpty()
    {
        FakeTimeProvider clock = new(s_start);
        await using TestEmulator emulator = await TestEmulator.StartAsync(new EmulatorOptions { TimeProvider = clock, DeliveryTime = TimeSpan.FromSeconds(10) });
        Guid batchId = await CreateStartedBatchAsync(emulator);
        JsonElement before = await emulator.GetJsonAsync("batches");

        clock.Advance(TimeSpan.FromSeconds(10));
        JsonElement after = await emulator.GetJsonAsync("batches");

        Assert.Equal(batchId, Assert.Single(before.GetProperty("data").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(0, after.GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task Timestamps_FollowInjectedClock()
    {
        FakeTimeProvider clock = new(s_start);
        await using TestEmulator emulator = await TestEmulator.StartAsync(new EmulatorOptions { TimeProvider = clock });
        Guid batchId = await emulator.CreateBatchAsync();

        JsonElement batch = (await emulator.GetJsonAsync($"batches/{batchId}")).GetProperty("data");
        JsonElement asset = await emulator.UploadAssetAsync(batchId, [1], "a.bin");

        Assert.Equal("2024-01-24 05:32:50", batch.GetProperty("created_at").GetString());
        Assert.Equal("2024-01-24T05:32:50.692Z", asset.GetProperty("created_at").GetString());
        Assert.Equal("2024-01-24T05:32:50.692Z", asset.GetProperty("updated_at").GetString());
    }

    private static async Task<Guid> CreateStartedBatchAsync(TestEmulator emulator)
    {
        Guid batchId = await emulator.CreateBatchAsync();
        await emulator.UploadAssetAsync(batchId, [1, 2, 3], "a.bin");
        using HttpResponseMessage response = await emulator.StartBatchAsync(batchId);
        response.EnsureSuccessStatusCode();
        return batchId;
    }
}
