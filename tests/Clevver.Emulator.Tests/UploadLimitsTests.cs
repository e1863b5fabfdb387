using System.Net;
using System.Text.Json;

namespace Clevver.Emulator.Tests;

public sealed class UploadLimitsTests
{
    private const long MaxFileSize = 1024;

    [Fact]
    public async Task Upload_OverMaxFileSize_Returns413()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync(new EmulatorOptions { MaxFileSize = MaxFileSize });
        Guid batchId = await emulator.CreateBatchAsync();

        using HttpResponseMessage response = await emulator.UploadAsync(batchId, new byte[MaxFileSize + 1], "big.bin");
        JsonElement body = await TestEmulator.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("error", body.GetProperty("status").GetString());
        Assert.Contains("1024 bytes", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Upload_OverMaxFileSize_LeavesNoFile()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync(new EmulatorOptions { MaxFileSize = MaxFileSize });
        Guid batchId = await emulator.CreateBatchAsync();

        using HttpResponseMessage response = await emulator.UploadAsync(batchId, new byte[200_000], "big.bin");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(emulator.ListUploadedFiles());
        Assert.Empty(emulator.Host.Store.GetAssets(batchId)!);
    }

    [Fact]
    public async Task Upload_OverRequestBodyLimit_Returns413()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync(new EmulatorOptions { MaxFileSize = MaxFileSize });
        Guid batchId = await emulator.CreateBatchAsync();

        // A larger part before the file part pushes the body past Kestrel's limit of the maximum
        // file size plus 1 MiB for multipart framing, while the file itself is small. With
        // Expect: 100-continue the client waits for the 413 instead of writing the body into a
        // connection that Kestrel closes, which would lose the response. HttpClient stops waiting
        // after one second by default, which a loaded machine can exceed, so this client waits longer.
        using var client = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromMinutes(1) })
        {
            BaseAddress = emulator.Client.BaseAddress,
        };
        client.DefaultRequestHeaders.Authorization = emulator.Client.DefaultRequestHeaders.Authorization;
        using HttpContent body = MultipartBodies.Create("form-data; name=\"padding\"", new byte[1_100_000]);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"batches/{batchId}/files") { Content = body };
        request.Headers.ExpectContinue = true;
        using HttpResponseMessage response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(emulator.ListUploadedFiles());
    }

    [Fact]
    public async Task Upload_AtMaxFileSize_Accepted()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync(new EmulatorOptions { MaxFileSize = MaxFileSize });
        Guid batchId = await emulator.CreateBatchAsync();

        JsonElement asset = await emulator.UploadAssetAsync(batchId, new byte[MaxFileSize], "exact.bin");

        Assert.Equal(MaxFileSize, asset.GetProperty("file_size").GetInt64());
    }
}
