using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Clevver.Emulator.Tests;

/// <summary>An emulator on loopback with an HttpClient that sends its token.</summary>
internal sealed class TestEmulator : IAsyncDisposable
{
    private TestEmulator(EmulatorHost host)
    {
        Host = host;
        Client = new HttpClient { BaseAddress = host.BaseAddress };
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", host.Token);
    }

    public EmulatorHost Host { get; }

    public HttpClient Client { get; }

    public static async Task<TestEmulator> StartAsync(EmulatorOptions? options = null) =>
        new(await EmulatorHost.StartAsync(options ?? new EmulatorOptions()));

    public async Task<Guid> CreateBatchAsync()
    {
        using HttpResponseMessage response = await Client.PostAsync("batches", content: null);
        response.EnsureSuccessStatusCode();
        JsonElement body = await ReadJsonAsync(response);
        return body.GetProperty("data").GetProperty("id").GetGuid();
    }

    /// <summary>Uploads a file whose name is sent only in the RFC 5987 filename* parameter.</summary>
    public Task<HttpResponseMessage> UploadAsync(Guid batchId, byte[] content, string fileName) =>
        PostMultipartAsync(batchId, $"form-data; name=\"file\"; filename*={MultipartBodies.EncodeRfc5987(fileName)}", content);

    public async Task<HttpResponseMessage> PostMultipartAsync(Guid batchId, string contentDisposition, byte[] content)
    {
        using HttpContent body = MultipartBodies.Create(contentDisposition, content);
        return await Client.PostAsync($"batches/{batchId}/files", body);
    }

    /// <summary>Uploads a file and returns the <c>data</c> object of the 200 response.</summary>
    public async Task<JsonElement> UploadAssetAsync(Guid batchId, byte[] content, string fileName)
    {
        using HttpResponseMessage response = await UploadAsync(batchId, content, fileName);
        JsonElement body = await ReadJsonAsync(response);
        Assert.True(response.IsSuccessStatusCode, $"Upload returned {(int)response.StatusCode}: {body}");
        return body.GetProperty("data");
    }

    public async Task<HttpResponseMessage> StartBatchAsync(Guid batchId) =>
        await Client.PostAsync($"batches/{batchId}/start", content: null);

    public async Task<JsonElement> GetJsonAsync(string relativeUri)
    {
        using HttpResponseMessage response = await Client.GetAsync(relativeUri);
        response.EnsureSuccessStatusCode();
        return await ReadJsonAsync(response);
    }

    /// <summary>
    /// Returns every file in the data directory except the metadata files of batches and assets,
    /// <c>&lt;batch id&gt;/batch.json</c> and <c>&lt;batch id&gt;/&lt;asset id&gt;.json</c>.
    /// </summary>
    public IReadOnlyList<string> ListUploadedFiles() => ListUploadedFiles(Host.DataDirectory);

    /// <inheritdoc cref="ListUploadedFiles()"/>
    public static IReadOnlyList<string> ListUploadedFiles(string dataDirectory) =>
        Directory.EnumerateFiles(dataDirectory, "*", SearchOption.AllDirectories)
            .Where(path => !IsMetadataFile(dataDirectory, path))
            .ToList();

    private static bool IsMetadataFile(string dataDirectory, string path)
    {
        string? batchDirectory = Path.GetDirectoryName(path);
        bool inBatchFolder = batchDirectory is not null
            && Path.GetDirectoryName(batchDirectory) == Path.GetFullPath(dataDirectory).TrimEnd(Path.DirectorySeparatorChar)
            && Guid.TryParse(Path.GetFileName(batchDirectory), out _);
        string name = Path.GetFileName(path);
        return inBatchFolder && (name == "batch.json" || (name.EndsWith(".json", StringComparison.Ordinal) && Guid.TryParse(Path.GetFileNameWithoutExtension(name), out _)));
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        string text = await response.Content.ReadAsStringAsync();
        using JsonDocument document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
    }
}

/// <summary>Builds multipart/form-data bodies by hand, so tests control every header byte.</summary>
internal static class MultipartBodies
{
    public static ByteArrayContent Create(string contentDisposition, byte[] content)
    {
        string boundary = "clevver-test-" + Guid.NewGuid().ToString("N");
        using MemoryStream body = new();
        Write(body, $"--{boundary}\r\nContent-Disposition: {contentDisposition}\r\nContent-Type: application/octet-stream\r\n\r\n");
        body.Write(content);
        Write(body, $"\r\n--{boundary}--\r\n");

        ByteArrayContent result = new(body.ToArray());
        result.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={boundary}");
        return result;
    }

    /// <summary>Encodes a value as an RFC 5987 ext-value: UTF-8 bytes outside attr-char are percent-encoded.</summary>
    public static string EncodeRfc5987(string value)
    {
        StringBuilder builder = new("UTF-8''");
        foreach (byte octet in Encoding.UTF8.GetBytes(value))
        {
            char character = (char)octet;
            bool isAttributeChar = char.IsAsciiLetterOrDigit(character) || "!#$&+-.^_`|~".Contains(character);
            builder.Append(isAttributeChar ? character.ToString() : $"%{octet:X2}");
        }

        return builder.ToString();
    }

    private static void Write(Stream stream, string text) => stream.Write(Encoding.UTF8.GetBytes(text));
}
