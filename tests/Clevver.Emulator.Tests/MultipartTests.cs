using System.Net;
using System.Text;
using System.Text.Json;

namespace Clevver.Emulator.Tests;

public sealed class MultipartTests
{
    private const string FilePart = "Content-Disposition: form-data; name=\"file\"; filename=\"a.bin\"\r\n\r\nabc\r\n";

    [Theory]
    [InlineData("multipart/form-data", "--b\r\n" + FilePart + "--b--\r\n", "no boundary")]
    [InlineData("application/json", "{}", "must be multipart/form-data")]
    [InlineData("multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhi\r\n--b--\r\n", "no part named 'file'")]
    [InlineData("multipart/form-data; boundary=b", "--b\r\n" + FilePart + "--b\r\n" + FilePart + "--b--\r\n", "Send one file per request")]
    [InlineData("multipart/form-data; boundary=b", "--b\r\n" + FilePart + "--b\r\n", "malformed")]
    [InlineData("multipart/form-data; boundary=b", "--b\r\n" + FilePart, "malformed")]
    [InlineData("multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.bin\"\r\n\r\nab", "malformed")]
    public async Task Upload_InvalidBody_Returns400(string contentType, string body, string expectedMessage)
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        Guid batchId = await emulator.CreateBatchAsync();

        using HttpResponseMessage response = await PostRawAsync(emulator, batchId, contentType, body);
        JsonElement json = await TestEmulator.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("error", json.GetProperty("status").GetString());
        Assert.Contains(expectedMessage, json.GetProperty("message").GetString());
        Assert.Empty(emulator.Host.Store.GetAssets(batchId)!);
        Assert.Empty(emulator.ListUploadedFiles());
    }

    [Theory]
    [InlineData("multipart/form-data; boundary=b", "--b\r\n" + FilePart + "--b--\r\n")]
    [InlineData("multipart/form-data; boundary=\"b\"", "--b\r\n" + FilePart + "--b--\r\n")]
    [InlineData("Multipart/Form-Data; Boundary=b", "--b\r\n" + FilePart + "--b--\r\n")]
    [InlineData("multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"file\"; filename*=UTF-8''a.bin\r\n\r\nabc\r\n--b--\r\n")]
    [InlineData("multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhi\r\n--b\r\nContent-Disposition: form-data; name=\"tags\"\r\n\r\nx\r\n--b\r\n" + FilePart + "--b--\r\n")]
    [InlineData("multipart/form-data; boundary=b", "--b\r\n" + FilePart + "--b\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nafter\r\n--b--\r\n")]
    public async Task Upload_ValidVariant_StoresSameFile(string contentType, string body)
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        Guid batchId = await emulator.CreateBatchAsync();

        using HttpResponseMessage response = await PostRawAsync(emulator, batchId, contentType, body);
        JsonElement json = await TestEmulator.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("a.bin", json.GetProperty("data").GetProperty("name").GetString());
        Assert.Equal(3, json.GetProperty("data").GetProperty("file_size").GetInt64());
        Assert.Equal("abc", await File.ReadAllTextAsync(Assert.Single(emulator.ListUploadedFiles())));
    }

    private static async Task<HttpResponseMessage> PostRawAsync(TestEmulator emulator, Guid batchId, string contentType, string body)
    {
        using ByteArrayContent content = new(Encoding.ASCII.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return await emulator.Client.PostAsync($"batches/{batchId}/files", content);
    }
}
