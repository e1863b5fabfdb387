using System.Security.Cryptography;
using Clevver.Emulator;
using Clevver.Generated.Tests.Support;
using Xunit.Abstractions;

namespace Clevver.Generated.Tests.Uploads;

/// <summary>
/// Runs the large upload alone, because its allocation counters are process-wide and tests running
/// in parallel would add their own allocations to them.
/// </summary>
[CollectionDefinition(nameof(LargeUploadTests), DisableParallelization = true)]
public sealed class LargeUploadCollection;

[Collection(nameof(LargeUploadTests))]
public class LargeUploadTests(ITestOutputHelper output)
{
    private const long FileSize = 1024L * 1024 * 1024;
    private const int ChunkSize = 1024 * 1024;

    // A client that buffered the file would grow the heap by the whole 1 GiB. The client itself
    // needs one 128 KiB pooled buffer. The rest of this margin is for the emulator, because it runs
    // in this process and the GC counters include its allocations.
    private const long MaxHeapGrowth = 64L * 1024 * 1024;
    private const long MaxAllocatedBytes = 64L * 1024 * 1024;

    [Fact]
    public async Task UploadAsync_OneGibibyteFile_MemoryStaysBounded()
    {
        using var files = new TempFiles();
        var path = Path.Combine(files.Directory, "large.bin");
        var expectedSha256 = WriteRandomFile(path, FileSize);
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions());
        using var client = new ClevverClient(new ClevverClientOptions { BaseAddress = host.BaseAddress, Token = host.Token });
        var batch = await client.Batches.CreateAsync();

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var heapSizeBefore = GC.GetGCMemoryInfo().HeapSizeBytes;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var maxHeap = heapBefore;
        var reports = 0;
        long lastBytesSent = 0;
        var progress = new InlineProgress<UploadProgress>(report =>
        {
            reports++;
            lastBytesSent = report.BytesSent;
            maxHeap = Math.Max(maxHeap, GC.GetTotalMemory(forceFullCollection: false));
        });

        var result = await client.Batches.UploadAsync(batch.Data.Id, path, progress);

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var heapSizeGrowth = GC.GetGCMemoryInfo().HeapSizeBytes - heapSizeBefore;
        output.WriteLine($"Sampled heap growth: {maxHeap - heapBefore} bytes, heap size growth: {heapSizeGrowth} bytes, allocated: {allocated} bytes, progress reports: {reports}.");
        Assert.Equal(expectedSha256, result.Sha256);
        Assert.Equal(expectedSha256, result.Asset.Checksum);
        Assert.Equal(FileSize, result.Asset.FileSize);
        Assert.True(reports > 0, "The upload reported no progress, so the heap was never sampled during it.");
        Assert.Equal(FileSize, lastBytesSent);
        Assert.True(maxHeap - heapBefore < MaxHeapGrowth, $"The heap grew by {maxHeap - heapBefore} bytes during the upload, more than {MaxHeapGrowth}.");
        Assert.True(heapSizeGrowth < MaxHeapGrowth, $"The heap size after the last GC grew by {heapSizeGrowth} bytes, more than {MaxHeapGrowth}.");
        Assert.True(allocated < MaxAllocatedBytes, $"The upload allocated {allocated} bytes, more than {MaxAllocatedBytes}.");
    }

    // Writes seeded random bytes, so the file does not compress or deduplicate, and returns their
    // SHA-256 computed independently of the client.
    private static string WriteRandomFile(string path, long size)
    {
        var random = new Random(7);
        var chunk = new byte[ChunkSize];
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1);
        for (long written = 0; written < size; written += ChunkSize)
        {
            random.NextBytes(chunk);
            hash.AppendData(chunk);
            file.Write(chunk);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
