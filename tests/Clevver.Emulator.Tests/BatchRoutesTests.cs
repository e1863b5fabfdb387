using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Clevver.Emulator.Tests;

public sealed class BatchRoutesTests
{
    private static readonly Regex s_batchTimestamp = new(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$");

    [Fact]
    public async Task Create_Returns201WithBatch()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();

        using HttpResponseMessage response = await emulator.Client.PostAsync("batches", content: null);
        JsonElement body = await TestEmulator.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("success", body.GetProperty("status").GetString());
        JsonElement data = body.GetProperty("data");
        Assert.True(Guid.TryParse(data.GetProperty("id").GetString(), out _));
        Assert.Equal("created", data.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Number, data.GetProperty("progress").ValueKind);
        Assert.Equal(0, data.GetProperty("progress").GetDouble());
        Assert.Matches(s_batchTimestamp, data.GetProperty("created_at").GetString());
        Assert.Equal("Batch created successfully", data.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Create_CreatedAtIsUtcWithoutZone()
    {
        DateTimeOffset before = DateTimeOffset.UtcNow.AddSeconds(-1);
        await using TestEmulator emulator = await TestEmulator.StartAsync();

        using HttpResponseMessage response = await emulator.Client.PostAsync("batches", content: null);
        JsonElement body = await TestEmulator.ReadJsonAsync(response);
        string createdAt = body.GetProperty("data").GetProperty("created_at").GetString()!;

        DateTimeOffset parsed = DateTimeOffset.ParseExact(createdAt, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        Assert.InRange(parsed, before, DateTimeOffset.UtcNow.AddSeconds(1));
    }

    [Fact]
    public async Task Get_KnownBatch_ReturnsItWithoutMessage()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        Guid batchId = await emulator.CreateBatchAsync();

        JsonElement body = await emulator.GetJsonAsync($"batches/{batchId}");

        Assert.Equal("success", body.GetProperty("status").GetString());
        JsonElement data = body.GetProperty("data");
        Assert.Equal(batchId, data.GetProperty("id").GetGuid());
        Assert.Equal("created", data.GetProperty("status").GetString());
        Assert.Equal(0, data.GetProperty("progress").GetDouble());
        Assert.Matches(s_batchTimestamp, data.GetProperty("created_at").GetString());
        Assert.False(data.TryGetProperty("message", out _));
    }

    [Theory]
    [InlineData("5c893d75-2a8b-4712-b56f-89377ac97681")]
    [InlineData("not-a-uuid")]
    public async Task Get_UnknownBatch_Returns404(string batchId)
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();

        using HttpResponseMessage response = await emulator.Client.GetAsync($"batches/{batchId}");
        JsonElement body = await TestEmulator.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("error", body.GetProperty("status").GetString());
        Assert.Contains(batchId, body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task List_NewEmulator_ReturnsEmptyArray()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        await emulator.CreateBatchAsync();

        JsonElement body = await emulator.GetJsonAsync("batches");

        Assert.Equal("success", body.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Array, body.GetProperty("data").ValueKind);
        Assert.Equal(0, body.GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task Start_BatchWithFile_ReturnsProcessing()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        Guid batchId = await emulator.CreateBatchAsync();
        await emulator.UploadAssetAsync(batchId, [1, 2, 3], "a.bin");

        using HttpResponseMessage response = await emulator.StartBatchAsync(batchId);
        JsonElement body = await TestEmulator.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("success", body.GetProperty("status").GetString());
        JsonElement data = body.GetProperty("data");
        Assert.Equal(batchId, data.GetProperty("id").GetGuid());
        Assert.Equal("processing", data.GetProperty("status").GetString());
        Assert.Equal(0, data.GetProperty("progress").GetDouble());
        Assert.Matches(s_batchTimestamp, data.GetProperty("created_at").GetString());
        Assert.Equal("Batch job started", data.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Start_EmptyBatch_Returns422()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        Guid batchId = await emulator.CreateBatchAsync();

        using HttpResponseMessage response = await emulator.StartBatchAsync(batchId);
        JsonElement body = await TestEmulator.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("error", body.GetProperty("status").GetString());
        Assert.Contains("no files", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Start_Twice_Returns422()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        Guid batchId = await emulator.CreateBatchAsync();
        await emulator.UploadAssetAsync(batchId, [1, 2, 3], "a.bin");
        using HttpResponseMessage first = await emulator.StartBatchAsync(batchId);

        using HttpResponseMessage second = await emulator.StartBatchAsync(batchId);
        JsonElement body = await TestEmulator.ReadJsonAsync(second);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        Assert.Equal("error", body.GetProperty("status").GetString());
        Assert.Contains("already started", body.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("5c893d75-2a8b-4712-b56f-89377ac97681")]
    [InlineData("not-a-uuid")]
    public async Task Start_UnknownBatch_Returns404(string batchId)
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();

        using HttpResponseMessage response = await emulator.Client.PostAsync($"batches/{batchId}/start", content: null);
        JsonElement body = await TestEmulator.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("error", body.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("GET", "nothing")]
    [InlineData("DELETE", "batches")]
    public async Task UnmappedRequest_ReturnsErrorBody(string method, string relativeUri)
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();

        using HttpRequestMessage request = new(new HttpMethod(method), relativeUri);
        using HttpResponseMessage response = await emulator.Client.SendAsync(request);
        JsonElement body = await TestEmulator.ReadJsonAsync(response);

        Assert.True((int)response.StatusCode is 404 or 405, $"Status was {(int)response.StatusCode}.");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("error", body.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("message").GetString()));
    }
}
