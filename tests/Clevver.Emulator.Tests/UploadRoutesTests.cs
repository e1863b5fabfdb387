using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Clevver.Emulator.Tests;

public sealed class UploadRoutesTests
{
    private static readonly Regex s_assetTimestamp = new(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$");

    [Fact]
    public async Task Upload_ReturnsEnvelope()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        Guid batchId = await emulator.CreateBatchAsync();

        using HttpResponseMessage response = await emulator.UploadAsync(batchId, [1, 2, 3], "a.bin");
        JsonElement body = await TestEmulator.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Asset successfully uploaded", body.GetProperty("message").GetString());
        Assert.Equal("success", body.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Object, body.GetProperty("data").ValueKind);
    }

    [Fact]
    public async Task Upload_AssetHasEveryField()
    {
        byte[] content = Encoding.UTF8.GetBytes("a small photo");
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        Guid batchId = await emulator.CreateBatchAsync();

        JsonElement asset = await emulator.UploadAssetAsync(batchId, content, "myphoto.png");

        string[] expectedNames =
        [
            "id", "status", "file", "file_size", "estimated_cost", "created_at", "updated_at", "txid", "task_id",
            "serialized_metadata", "should_be_cached", "stored_on", "short_slug", "checksum", "user_id", "name",
            "archived", "duplicate", "tag_list",
        ];
        Assert.Equal(expectedNames, asset.EnumerateObject().Select(property => property.Name));
        Guid assetId = asset.GetProperty("id").GetGuid();
        Assert.Equal("created", asset.GetProperty("status").GetString());
        Assert.Equal($"/uploads/digital_asset/file/{assetId}/myphoto.png", asset.GetProperty("file").GetProperty("url").GetString());
        Assert.Equal($"/uploads/digital_asset/file/{assetId}/thumb_myphoto.png", asset.GetProperty("file").GetProperty("thumb").GetProperty("url").GetString());
        Assert.Equal(content.LongLength, asset.GetProperty("file_size").GetInt64());
        Assert.Equal(JsonValueKind.Null, asset.GetProperty("estimated_cost").ValueKind);
        Assert.Equal(JsonValueKind.Null, asset.GetProperty("txid").ValueKind);
        Assert.Equal(JsonValueKind.Null, asset.GetProperty("task_id").ValueKind);
        Assert.Equal("{}", asset.GetProperty("serialized_metadata").GetString());
        Assert.Equal(JsonValueKind.True, asset.GetProperty("should_be_cached").ValueKind);
        Assert.Equal(JsonValueKind.Null, asset.GetProperty("stored_on").ValueKind);
        Assert.Equal(JsonValueKind.Null, asset.GetProperty("short_slug").ValueKind);
        Assert.Matches("^[0-9a-f]{64}$", asset.GetProperty("checksum").GetString());
        Assert.Equal(1, asset.GetProperty("user_id").GetInt64());
        Assert.Equal("myphoto.png", asset.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.False, asset.GetProperty("archived").ValueKind);
        Assert.Equal(JsonValueKind.False, asset.GetProperty("duplicate").ValueKind);
        Assert.Equal(JsonValueKind.Array, asset.GetProperty("tag_list").ValueKind);
        Assert.Equal(0, asset.GetProperty("tag_list").GetArrayLength());
    }

    [Fact]
    public async Task Upload_TimestampsAreIsoUtcWithMilliseconds()
    {
        DateTimeOffset before = DateTimeOffset.UtcNow.AddSeconds(-1);
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        Guid batchId = await emulator.CreateBatchAsync();

        JsonElement asset = await emulator.UploadAssetAsync(batchId, [1], "a.bin");
        string createdAt = asset.GetProperty("created_at").GetString()!;
        string updatedAt = asset.GetProperty("updated_at").GetString()!;

        Assert.Matches(s_assetTimestamp, createdAt);
        Assert.Matches(s_assetTimestamp, updatedAt);
        DateTimeOffset parsed = DateTimeOffset.Parse(createdAt, CultureInfo.InvariantCulture);
        Assert.Equal(TimeSpan.Zero, parsed.Offset);
        Assert.InRange(parsed, before, DateTimeOffset.UtcNow.AddSeconds(1));
    }

    [Theory]
    [InlineData("report.pdf")]
    [InlineData("notes.txt")]
    [InlineData("png")]
    public async Task Upload_NonImage_ThumbUrlIsNull(string fileName)
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        Guid batchId = await emulator.CreateBatchAsync();

        JsonElement asset = await emulator.UploadAssetAsync(batchId, [1], fileName);
        JsonElement thumb = asset.GetProperty("file").GetProperty("thumb");

        Assert.Equal(JsonValueKind.Object, thumb.ValueKind);
        Assert.Equal(JsonValueKind.Null, thumb.GetProperty("url").ValueKind);
    }

    [Theory]
    [InlineData("a.png")]
    [InlineData("a.JPG")]
    [InlineData("a.jpeg")]
    [InlineData("a.gif")]
    [InlineData("a.webp")]
    public async Task Upload_Image_HasThumbUrl(string fileName)
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        Guid batchId = await emulator.CreateBatchAsync();

        JsonElement asset = await emulator.UploadAssetAsync(batchId, [1], fileName);

        Guid assetId = asset.GetProperty("id").GetGuid();
        Assert.Equal($"/uploads/digital_asset/file/{assetId}/thumb_{fileName}", asset.GetProperty("file").GetProperty("thumb").GetProperty("url").GetString());
    }

    [Fact]
    public async Task Upload_ChecksumMatchesBytesAndDisk()
    {
        byte[] content = RandomNumberGenerator.GetBytes(300_000);
        string expected = Convert.ToHexStringLower(SHA256.HashData(content));
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        Guid batchId = await emulator.CreateBatchAsync();

        JsonElement asset = await emulator.UploadAssetAsync(batchId, content, "random.bin");

        Guid assetId = asset.GetProperty("id").GetGuid();
        string storedPath = Path.Combine(emulator.Host.DataDirectory, batchId.ToString(), assetId.ToString(), "random.bin");
        byte[] stored = await File.ReadAllBytesAsync(storedPath);
        Assert.Equal(expected, asset.GetProperty("checksum").GetString());
        Assert.Equal(content, stored);
        Assert.Equal(expected, Convert.ToHexStringLower(SHA256.HashData(stored)));
        Assert.Equal(content.LongLength, asset.GetProperty("file_size").GetInt64());
    }

    [Fact]
    public async Task Upload_EmptyFile_Stored()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        Guid batchId = await emulator.CreateBatchAsync();

        JsonElement asset = await emulator.UploadAssetAsync(batchId, [], "empty.txt");

        Assert.Equal(0, asset.GetProperty("file_size").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Array.Empty<byte>())), asset.GetProperty("checksum").GetString());
    }

    [Fact]
    public async Task Upload_SameBytesTwice_SecondIsDuplicate()
    {
        byte[] content = Encoding.UTF8.GetBytes("same bytes");
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        Guid firstBatch = await emulator.CreateBatchAsync();
        Guid secondBatch = await emulator.CreateBatchAsync();

        JsonElement first = await emulator.UploadAssetAsync(firstBatch, content, "one.txt");
        JsonElement second = await emulator.UploadAssetAsync(secondBatch, content, "two.txt");

        Assert.False(first.GetProperty("duplicate").GetBoolean());
        Assert.True(second.GetProperty("duplicate").GetBoolean());
        Assert.NotEqual(first.GetProperty("id").GetGuid(), second.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Upload_AfterStart_Returns422()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        Guid batchId = await emulator.CreateBatchAsync();
        await emulator.UploadAssetAsync(batchId, [1], "a.bin");
        using HttpResponseMessage started = await emulator.StartBatchAsync(batchId);

        using HttpResponseMessage response = await emulator.UploadAsync(batchId, [2], "b.bin");
        JsonElement body = await TestEmulator.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("error", body.GetProperty("status").GetString());
        Assert.Contains("already started", body.GetProperty("message").GetString());
        Assert.Single(emulator.Host.Store.GetAssets(batchId)!);
    }

    [Theory]
    [InlineData("5c893d75-2a8b-4712-b56f-89377ac97681")]
    [InlineData("not-a-uuid")]
    public async Task Upload_UnknownBatch_Returns404(string batchId)
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        using HttpContent content = MultipartBodies.Create("form-data; name=\"file\"; filename=\"a.bin\"", [1]);

        using HttpResponseMessage response = await emulator.Client.PostAsync($"batches/{batchId}/files", content);
        JsonElement body = await TestEmulator.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("error", body.GetProperty("status").GetString());
        Assert.Contains(batchId, body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Upload_NoFilePart_Returns400()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        Guid batchId = await emulator.CreateBatchAsync();

        using HttpResponseMessage response = await emulator.PostMultipartAsync(batchId, "form-data; name=\"document\"; filename=\"a.bin\"", [1]);
        JsonElement body = await TestEmulator.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("error", body.GetProperty("status").GetString());
        Assert.Contains("no part named 'file'", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Upload_NotMultipart_Returns400()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        Guid batchId = await emulator.CreateBatchAsync();
        using ByteArrayContent content = new([1, 2, 3]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");

        using HttpResponseMessage response = await emulator.Client.PostAsync($"batches/{batchId}/files", content);
        JsonElement body = await TestEmulator.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("error", body.GetProperty("status").GetString());
        Assert.Contains("multipart/form-data", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Upload_TruncatedMultipart_Returns400()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        Guid batchId = await emulator.CreateBatchAsync();
        using ByteArrayContent content = new(Encoding.ASCII.GetBytes("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.bin\"\r\n\r\nabc"));
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=b");

        using HttpResponseMessage response = await emulator.Client.PostAsync($"batches/{batchId}/files", content);
        JsonElement body = await TestEmulator.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("malformed", body.GetProperty("message").GetString());
        Assert.Empty(emulator.ListUploadedFiles());
    }

    [Theory]
    [InlineData("form-data; name=\"file\"")]
    [InlineData("form-data; name=\"file\"; filename=\"\"")]
    [InlineData("form-data; name=\"file\"; filename*=UTF-8''")]
    public async Task Upload_NoFileName_Returns400(string contentDisposition)
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        Guid batchId = await emulator.CreateBatchAsync();

        using HttpResponseMessage response = await emulator.PostMultipartAsync(batchId, contentDisposition, [1]);
        JsonElement body = await TestEmulator.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("no file name", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Upload_HttpClientMultipart_KeepsNonAsciiName()
    {
        const string fileName = "naïve résumé.pdf";
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        Guid batchId = await emulator.CreateBatchAsync();
        using MultipartFormDataContent content = new();
        content.Add(new ByteArrayContent([1, 2, 3]), "file", fileName);

        using HttpResponseMessage response = await emulator.Client.PostAsync($"batches/{batchId}/files", content);
        JsonElement body = await TestEmulator.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(fileName, body.GetProperty("data").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Upload_ConcurrentIntoOneBatch_RecordsEachOnce()
    {
        const int uploadCount = 20;
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        Guid batchId = await emulator.CreateBatchAsync();
        byte[][] contents = Enumerable.Range(0, uploadCount).Select(index => RandomNumberGenerator.GetBytes(50_000 + index)).ToArray();

        JsonElement[] assets = await Task.WhenAll(contents.Select((content, index) => emulator.UploadAssetAsync(batchId, content, $"file-{index}.bin")));

        IReadOnlyList<string> responseChecksums = assets.Select(asset => asset.GetProperty("checksum").GetString()!).Order().ToList();
        IReadOnlyList<string> expectedChecksums = contents.Select(content => Convert.ToHexStringLower(SHA256.HashData(content))).Order().ToList();
        Assert.Equal(expectedChecksums, responseChecksums);
        Assert.Equal(uploadCount, assets.Select(asset => asset.GetProperty("id").GetGuid()).Distinct().Count());
        Assert.Equal(uploadCount, emulator.Host.Store.GetAssets(batchId)!.Count);
        Assert.Equal(uploadCount, emulator.Host.Store.GetAssets(batchId)!.Select(asset => asset.Id).Distinct().Count());
        Assert.Equal(uploadCount, Directory.GetDirectories(Path.Combine(emulator.Host.DataDirectory, batchId.ToString())).Length);
    }
}
