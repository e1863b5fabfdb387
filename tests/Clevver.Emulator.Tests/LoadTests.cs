using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace Clevver.Emulator.Tests;

public sealed class LoadTests(ITestOutputHelper output)
{
    private static readonly TimeSpan s_deliveryTime = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ConcurrentUploads_OneBatch_EachRecordedOnce()
    {
        const int uploadCount = 200;
        FakeTimeProvider clock = new();
        await using TestEmulator emulator = await TestEmulator.StartAsync(new EmulatorOptions { TimeProvider = clock, DeliveryTime = s_deliveryTime });
        Guid batchId = await emulator.CreateBatchAsync();
        byte[][] contents = Enumerable.Range(0, uploadCount).Select(index => RandomNumberGenerator.GetBytes(4096 + index)).ToArray();

        Stopwatch elapsed = Stopwatch.StartNew();
        JsonElement[] responses = await Task.WhenAll(contents.Select((content, index) => emulator.UploadAssetAsync(batchId, content, $"file-{index}.bin")));
        elapsed.Stop();
        int lost = CheckBatch(emulator, batchId, contents, responses);
        string status = await StartAndDeliverAsync(emulator, clock, batchId);
        output.WriteLine($"requests: {uploadCount} uploads, concurrency: {uploadCount}, elapsed: {elapsed.ElapsedMilliseconds} ms, files lost: {lost}");

        Assert.Equal(0, lost);
        Assert.Equal("delivered", status);
        Assert.Equal(uploadCount, emulator.Host.Store.GetAssets(batchId)!.Count);
        Assert.Equal(uploadCount, emulator.ListUploadedFiles().Count);
        Assert.Equal(uploadCount, emulator.Host.Faults.GetRequestCount(FaultRoute.Upload));
    }

    [Fact]
    public async Task ParallelBatches_EachRecordedOnce()
    {
        const int batchCount = 50;
        const int filesPerBatch = 4;
        FakeTimeProvider clock = new();
        await using TestEmulator emulator = await TestEmulator.StartAsync(new EmulatorOptions { TimeProvider = clock, DeliveryTime = s_deliveryTime });

        Stopwatch elapsed = Stopwatch.StartNew();
        (Guid BatchId, byte[][] Contents, JsonElement[] Responses)[] batches = await Task.WhenAll(Enumerable.Range(0, batchCount).Select(async batchIndex =>
        {
            Guid batchId = await emulator.CreateBatchAsync();
            byte[][] contents = Enumerable.Range(0, filesPerBatch).Select(_ => RandomNumberGenerator.GetBytes(2048)).ToArray();
            JsonElement[] responses = await Task.WhenAll(contents.Select((content, index) => emulator.UploadAssetAsync(batchId, content, $"b{batchIndex}-f{index}.bin")));
            return (batchId, contents, responses);
        }));
        elapsed.Stop();
        int lost = batches.Sum(batch => CheckBatch(emulator, batch.BatchId, batch.Contents, batch.Responses));
        string[] statuses = await Task.WhenAll(batches.Select(batch => StartAsync(emulator, batch.BatchId)));
        clock.Advance(s_deliveryTime);
        JsonElement[] delivered = await Task.WhenAll(batches.Select(async batch => (await emulator.GetJsonAsync($"batches/{batch.BatchId}")).GetProperty("data")));
        output.WriteLine($"requests: {batchCount} creates, {batchCount * filesPerBatch} uploads, {batchCount} starts; concurrency: {batchCount} batches in parallel; elapsed: {elapsed.ElapsedMilliseconds} ms; files lost: {lost}");

        Assert.Equal(0, lost);
        Assert.All(statuses, status => Assert.Equal("processing", status));
        Assert.All(delivered, batch => Assert.Equal("delivered", batch.GetProperty("status").GetString()));
        Assert.Equal(batchCount * filesPerBatch, emulator.ListUploadedFiles().Count);
        Assert.Equal(batchCount, emulator.Host.Faults.GetRequestCount(FaultRoute.Create));
    }

    /// <summary>Returns how many uploaded files are missing, duplicated or wrong in the store, the responses or the disk.</summary>
    private static int CheckBatch(TestEmulator emulator, Guid batchId, byte[][] contents, JsonElement[] responses)
    {
        List<string> expected = contents.Select(content => Convert.ToHexStringLower(SHA256.HashData(content))).Order().ToList();
        IReadOnlyList<Batches.StoredAsset> assets = emulator.Host.Store.GetAssets(batchId)!;
        List<string> recorded = assets.Select(asset => asset.Checksum).Order().ToList();
        List<string> returned = responses.Select(response => response.GetProperty("checksum").GetString()!).Order().ToList();
        List<string> onDisk = assets
            .Select(asset => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(emulator.Host.DataDirectory, asset.RelativePath)))))
            .Order()
            .ToList();
        int assetFolders = Directory.GetDirectories(Path.Combine(emulator.Host.DataDirectory, batchId.ToString())).Length;

        int lost = expected.Except(recorded).Count() + Math.Abs(expected.Count - recorded.Count);
        lost += expected.SequenceEqual(returned) ? 0 : 1;
        lost += expected.SequenceEqual(onDisk) ? 0 : 1;
        lost += assetFolders == expected.Count ? 0 : 1;
        lost += assets.Select(asset => asset.Id).Distinct().Count() == expected.Count ? 0 : 1;
        return lost;
    }

    private static async Task<string> StartAndDeliverAsync(TestEmulator emulator, FakeTimeProvider clock, Guid batchId)
    {
        using HttpResponseMessage started = await emulator.StartBatchAsync(batchId);
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        clock.Advance(s_deliveryTime);
        JsonElement batch = (await emulator.GetJsonAsync($"batches/{batchId}")).GetProperty("data");
        return batch.GetProperty("status").GetString()!;
    }

    private static async Task<string> StartAsync(TestEmulator emulator, Guid batchId)
    {
        using HttpResponseMessage response = await emulator.StartBatchAsync(batchId);
        JsonElement body = await TestEmulator.ReadJsonAsync(response);
        return body.GetProperty("data").GetProperty("status").GetString()!;
    }
}
