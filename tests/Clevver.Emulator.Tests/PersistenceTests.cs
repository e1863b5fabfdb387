using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace Clevver.Emulator.Tests;

public sealed class PersistenceTests : IDisposable
{
    private readonly DirectoryInfo _parent = Directory.CreateTempSubdirectory("clevver-persistence-test-");

    private string DataDirectory => Path.Combine(_parent.FullName, "data");

    public void Dispose() => _parent.Delete(recursive: true);

    [Fact]
    public async Task Restart_KeepsBatchesFilesAndStatuses()
    {
        FakeTimeProvider clock = new(new DateTimeOffset(2024, 1, 24, 5, 0, 0, TimeSpan.Zero));
        EmulatorOptions options = new() { DataDirectory = DataDirectory, TimeProvider = clock, Token = "t", DeliveryTime = TimeSpan.FromSeconds(10) };
        byte[] content = RandomNumberGenerator.GetBytes(10_000);
        Guid started;
        Guid open;
        JsonElement asset;
        await using (TestEmulator first = await TestEmulator.StartAsync(options))
        {
            started = await first.CreateBatchAsync();
            asset = await first.UploadAssetAsync(started, content, "kept.bin");
            using HttpResponseMessage start = await first.StartBatchAsync(started);
            open = await first.CreateBatchAsync();
            await first.UploadAssetAsync(open, [1, 2], "open.bin");
        }

        clock.Advance(TimeSpan.FromSeconds(3));
        await using TestEmulator second = await TestEmulator.StartAsync(options);
        JsonElement startedBatch = (await second.GetJsonAsync($"batches/{started}")).GetProperty("data");
        JsonElement openBatch = (await second.GetJsonAsync($"batches/{open}")).GetProperty("data");
        JsonElement active = (await second.GetJsonAsync("batches")).GetProperty("data");
        IReadOnlyList<Batches.StoredAsset> assets = second.Host.Store.GetAssets(started)!;

        Assert.Equal("processing", startedBatch.GetProperty("status").GetString());
        Assert.Equal(30, startedBatch.GetProperty("progress").GetDouble());
        Assert.Equal("created", openBatch.GetProperty("status").GetString());
        Assert.Equal(started, Assert.Single(active.EnumerateArray()).GetProperty("id").GetGuid());
        Batches.StoredAsset stored = Assert.Single(assets);
        Assert.Equal(asset.GetProperty("id").GetGuid(), stored.Id);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), stored.Checksum);
        Assert.Equal(content, await File.ReadAllBytesAsync(Path.Combine(DataDirectory, stored.RelativePath)));
        Assert.Single(second.Host.Store.GetAssets(open)!);
    }

    [Fact]
    public async Task Restart_StartedBatchRejectsUpload()
    {
        EmulatorOptions options = new() { DataDirectory = DataDirectory, Token = "t" };
        Guid batchId;
        await using (TestEmulator first = await TestEmulator.StartAsync(options))
        {
            batchId = await first.CreateBatchAsync();
            await first.UploadAssetAsync(batchId, [1], "a.bin");
            using HttpResponseMessage start = await first.StartBatchAsync(batchId);
        }

        await using TestEmulator second = await TestEmulator.StartAsync(options);
        using HttpResponseMessage upload = await second.UploadAsync(batchId, [2], "b.bin");
        using HttpResponseMessage startAgain = await second.StartBatchAsync(batchId);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, upload.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, startAgain.StatusCode);
    }

    [Fact]
    public async Task Restart_DuplicateFlagKnowsOldFiles()
    {
        EmulatorOptions options = new() { DataDirectory = DataDirectory, Token = "t" };
        await using (TestEmulator first = await TestEmulator.StartAsync(options))
        {
            await first.UploadAssetAsync(await first.CreateBatchAsync(), [9, 9, 9], "a.bin");
        }

        await using TestEmulator second = await TestEmulator.StartAsync(options);
        JsonElement asset = await second.UploadAssetAsync(await second.CreateBatchAsync(), [9, 9, 9], "b.bin");

        Assert.True(asset.GetProperty("duplicate").GetBoolean());
    }

    [Fact]
    public async Task Start_DeletesLeftoverPartialFiles()
    {
        string incoming = Path.Combine(DataDirectory, ".incoming");
        Directory.CreateDirectory(incoming);
        string leftover = Path.Combine(incoming, "0123456789abcdef.part");
        await File.WriteAllBytesAsync(leftover, new byte[1000]);
        Guid batchId = Guid.NewGuid();
        string orphanAsset = Path.Combine(DataDirectory, batchId.ToString(), Guid.NewGuid().ToString());
        Directory.CreateDirectory(orphanAsset);
        await File.WriteAllBytesAsync(Path.Combine(orphanAsset, "half.bin"), new byte[10]);

        await using TestEmulator emulator = await TestEmulator.StartAsync(new EmulatorOptions { DataDirectory = DataDirectory });

        Assert.False(File.Exists(leftover));
        Assert.False(Directory.Exists(orphanAsset));
        Assert.Empty(emulator.ListUploadedFiles());
    }

    [Fact]
    public async Task AbortedUpload_LeavesNoAssetOrFile()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync(new EmulatorOptions { DataDirectory = DataDirectory });
        Guid batchId = await emulator.CreateBatchAsync();
        using StalledUploadContent content = new(firstBytes: 1_000_000);
        using CancellationTokenSource abort = new();

        Task<HttpResponseMessage> upload = emulator.Client.PostAsync($"batches/{batchId}/files", content, abort.Token);
        await FaultTests.WaitUntilAsync(() => PartialFileLength(DataDirectory) > 0);
        abort.Cancel();
        Exception? failure = await Record.ExceptionAsync(() => upload);
        await FaultTests.WaitUntilAsync(() => PartialFileLength(DataDirectory) < 0);

        Assert.IsAssignableFrom<OperationCanceledException>(failure);
        Assert.Empty(emulator.Host.Store.GetAssets(batchId)!);
        Assert.Empty(emulator.ListUploadedFiles());
    }

    [Fact]
    public async Task KilledProcess_LeavesNoHalfFile()
    {
        string emulatorPath = Path.Combine(AppContext.BaseDirectory, "Clevver.Emulator.dll");
        ProcessStartInfo startInfo = new("dotnet")
        {
            ArgumentList = { emulatorPath, "--port", "0", "--token", "t", "--data-dir", DataDirectory },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using Process process = Process.Start(startInfo)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        Uri baseAddress;
        Guid batchId;
        byte[] complete = RandomNumberGenerator.GetBytes(5000);
        try
        {
            baseAddress = await ReadBaseAddressAsync(process);
            using HttpClient client = new() { BaseAddress = baseAddress };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "t");
            using HttpResponseMessage created = await client.PostAsync("batches", content: null);
            batchId = (await TestEmulator.ReadJsonAsync(created)).GetProperty("data").GetProperty("id").GetGuid();
            using HttpContent completeBody = MultipartBodies.Create("form-data; name=\"file\"; filename=\"complete.bin\"", complete);
            using HttpResponseMessage stored = await client.PostAsync($"batches/{batchId}/files", completeBody);
            Assert.Equal(HttpStatusCode.OK, stored.StatusCode);

            using StalledUploadContent large = new(firstBytes: 4_000_000);
            using CancellationTokenSource stopUpload = new();
            Task<HttpResponseMessage> upload = client.PostAsync($"batches/{batchId}/files", large, stopUpload.Token);
            await FaultTests.WaitUntilAsync(() => PartialFileLength(DataDirectory) > 0);
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();

            // The stalled body waits for cancellation, which a closed connection does not signal.
            stopUpload.Cancel();
            await Record.ExceptionAsync(() => upload);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        bool partialLeftByKill = PartialFileLength(DataDirectory) > 0;
        await using TestEmulator restarted = await TestEmulator.StartAsync(new EmulatorOptions { DataDirectory = DataDirectory });
        IReadOnlyList<Batches.StoredAsset> assets = restarted.Host.Store.GetAssets(batchId)!;

        Assert.True(partialLeftByKill);
        Assert.Equal("complete.bin", Assert.Single(assets).Name);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(complete)), assets[0].Checksum);
        Assert.Equal(complete, await File.ReadAllBytesAsync(Assert.Single(restarted.ListUploadedFiles())));
        Assert.True(PartialFileLength(DataDirectory) < 0);
    }

    /// <summary>Returns the size of the largest file being received, or -1 when there is none.</summary>
    private static long PartialFileLength(string dataDirectory)
    {
        string incoming = Path.Combine(dataDirectory, ".incoming");
        return Directory.Exists(incoming)
            ? Directory.EnumerateFiles(incoming, "*.part").Select(path => new FileInfo(path).Length).DefaultIfEmpty(-1).Max()
            : -1;
    }

    private static async Task<Uri> ReadBaseAddressAsync(Process process)
    {
        using CancellationTokenSource deadline = new(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
        {
            if (line.StartsWith("Base URL: ", StringComparison.Ordinal))
            {
                return new Uri(line["Base URL: ".Length..]);
            }
        }

        throw new InvalidOperationException($"The emulator exited with code {process.ExitCode} before it printed its base URL.");
    }

    /// <summary>A multipart upload that sends the start of a file part and then waits until the request is canceled.</summary>
    private sealed class StalledUploadContent : HttpContent
    {
        private readonly int _firstBytes;

        public StalledUploadContent(int firstBytes)
        {
            _firstBytes = firstBytes;
            Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=stalled");
        }

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context, CancellationToken cancellationToken)
        {
            await stream.WriteAsync("--stalled\r\nContent-Disposition: form-data; name=\"file\"; filename=\"large.bin\"\r\n\r\n"u8.ToArray(), cancellationToken);
            await stream.WriteAsync(new byte[_firstBytes], cancellationToken);
            await stream.FlushAsync(cancellationToken);
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
