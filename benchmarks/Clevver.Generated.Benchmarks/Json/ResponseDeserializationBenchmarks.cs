using System.Globalization;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace Clevver.Generated.Benchmarks.Json;

/// <summary>
/// Reads the documented upload response and a list of 1,000 batches through the generated client
/// (Newtonsoft.Json over the response stream), against System.Text.Json reading the same stream into
/// equivalent records. Both go through an <see cref="HttpClient"/> over the same in-memory handler.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ResponseDeserializationBenchmarks
{
    private const int BatchCount = 1000;
    private const string UploadCategory = "Upload response";
    private const string ListCategory = "1,000 batches";

    private static readonly JsonSerializerOptions ReferenceOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    private static readonly Newtonsoft.Json.JsonSerializer DefaultNewtonsoftSerializer = Newtonsoft.Json.JsonSerializer.CreateDefault();

    private static readonly Uri BaseAddress = new("http://127.0.0.1:9/api/");

    private HttpClient _uploadHttpClient = null!;
    private HttpClient _listHttpClient = null!;
    private BatchesClient _uploadClient = null!;
    private BatchesClient _listClient = null!;
    private FileParameter _placeholderFile = null!;

    [GlobalSetup]
    public void Setup()
    {
        var uploadBody = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "examples", "batches-upload-file.200.json"));
        var listBody = CreateBatchList(BatchCount);

        _uploadHttpClient = new HttpClient(new MemoryResponseHandler(uploadBody)) { BaseAddress = BaseAddress };
        _listHttpClient = new HttpClient(new MemoryResponseHandler(listBody)) { BaseAddress = BaseAddress };
        _uploadClient = new BatchesClient(_uploadHttpClient);
        _listClient = new BatchesClient(_listHttpClient);
        if (_uploadClient.ReadResponseAsString || _listClient.ReadResponseAsString)
        {
            throw new InvalidOperationException("The generated client is set to read responses as strings, so it would not deserialize from the stream.");
        }

        // The handler ignores the request body, so the upload reads nothing from this stream.
        _placeholderFile = new FileParameter(Stream.Null, "placeholder");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _uploadHttpClient.Dispose();
        _listHttpClient.Dispose();
    }

    [BenchmarkCategory(UploadCategory), Benchmark(Baseline = true, Description = "System.Text.Json")]
    public async Task<UploadDocument?> UploadResponseWithSystemTextJson()
    {
        using var response = await _uploadHttpClient.PostAsync("batches/5c893d75-2a8b-4712-b56f-89377ac97681/files", content: null);
        await using var stream = await response.Content.ReadAsStreamAsync();
        return await JsonSerializer.DeserializeAsync<UploadDocument>(stream, ReferenceOptions);
    }

    [BenchmarkCategory(UploadCategory), Benchmark(Description = "Generated client")]
    public Task<UploadResponse> UploadResponseWithGeneratedClient() =>
        _uploadClient.UploadFileAsync(Guid.Empty, _placeholderFile);

    [BenchmarkCategory(ListCategory), Benchmark(Baseline = true, Description = "System.Text.Json")]
    public async Task<BatchListDocument?> BatchListWithSystemTextJson()
    {
        using var response = await _listHttpClient.GetAsync("batches");
        await using var stream = await response.Content.ReadAsStreamAsync();
        return await JsonSerializer.DeserializeAsync<BatchListDocument>(stream, ReferenceOptions);
    }

    [BenchmarkCategory(ListCategory), Benchmark(Description = "Generated client")]
    public Task<BatchListResponse> BatchListWithGeneratedClient() => _listClient.ListActiveAsync();

    // Newtonsoft.Json into the generated models without the client's settings (contract resolver with
    // validation, timestamp converter), to separate the library's cost from the client's additions.
    [BenchmarkCategory(ListCategory), Benchmark(Description = "Newtonsoft.Json, default settings")]
    public async Task<BatchListResponse?> BatchListWithDefaultNewtonsoft()
    {
        using var response = await _listHttpClient.GetAsync("batches");
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var reader = new Newtonsoft.Json.JsonTextReader(new StreamReader(stream));
        return DefaultNewtonsoftSerializer.Deserialize<BatchListResponse>(reader);
    }

    // The documented list format, with the statuses, progress values and both timestamp forms varied.
    private static byte[] CreateBatchList(int count)
    {
        var random = new Random(42);
        var start = new DateTime(2023, 11, 1, 13, 53, 12, DateTimeKind.Utc);
        var json = new StringBuilder("{\"status\":\"success\",\"data\":[");
        var idBytes = new byte[16];
        for (var i = 0; i < count; i++)
        {
            random.NextBytes(idBytes);
            var id = new Guid(idBytes);
            var status = (i % 3) switch { 0 => "created", 1 => "processing", _ => "delivered" };
            var progress = Math.Round(random.NextDouble() * 100, 1);
            var createdAt = start.AddMinutes(-i);
            var createdAtText = i % 2 == 0
                ? createdAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
                : createdAt.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
            if (i > 0)
            {
                json.Append(',');
            }

            json.Append(CultureInfo.InvariantCulture, $"{{\"id\":\"{id}\",\"status\":\"{status}\",\"progress\":{progress},\"created_at\":\"{createdAtText}\"}}");
        }

        json.Append("]}");
        return Encoding.UTF8.GetBytes(json.ToString());
    }
}
