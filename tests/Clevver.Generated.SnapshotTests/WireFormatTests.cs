using System.Net;
using System.Security.Cryptography;
using System.Text;
using Clevver.Generated.SnapshotTests.Support;
using Newtonsoft.Json.Linq;

namespace Clevver.Generated.SnapshotTests;

/// <summary>
/// The requests that the real client sends for each operation of the contract, recorded before the
/// transport and answered with the documented examples.
/// </summary>
public class WireFormatTests
{
    private const string Token = "wire-format-test-token-5f0c";
    private static readonly Guid BatchId = Guid.Parse("5c893d75-2a8b-4712-b56f-89377ac97681");

    // Quotes, a backslash, a percent sign, a semicolon, spaces and non-ASCII letters each need
    // escaping or encoding in Content-Disposition (RFC 6266, RFC 8187).
    private const string OddFileName = "Grüße \"final\" 50%; 日本\\v2 (copy).txt";
    private static readonly byte[] UploadedBytes = Encoding.ASCII.GetBytes("Stored on the Lynx blockchain.\n");

    [Fact]
    public async Task ListActive_Request()
    {
        var wire = await RecordAsync("batches-list-active.200.json", HttpStatusCode.OK, client => client.ListActiveAsync());

        AssertNoToken(wire);
        ApprovedSnapshot.Match(wire, "WireFormatTests.ListActive");
    }

    [Fact]
    public async Task Create_Request()
    {
        var wire = await RecordAsync("batches-create.201.json", HttpStatusCode.Created, client => client.CreateAsync());

        AssertNoToken(wire);
        ApprovedSnapshot.Match(wire, "WireFormatTests.Create");
    }

    [Fact]
    public async Task Get_Request()
    {
        var wire = await RecordAsync("batches-get.200.json", HttpStatusCode.OK, client => client.GetAsync(BatchId));

        AssertNoToken(wire);
        ApprovedSnapshot.Match(wire, "WireFormatTests.Get");
    }

    [Fact]
    public async Task Start_Request()
    {
        var wire = await RecordAsync("batches-start.200.json", HttpStatusCode.OK, client => client.StartAsync(BatchId));

        AssertNoToken(wire);
        ApprovedSnapshot.Match(wire, "WireFormatTests.Start");
    }

    [Fact]
    public async Task Upload_Request()
    {
        // The server returns the checksum and size of the bytes it received. The documented example
        // is for another file, so those two fields are set to the uploaded file's values.
        var example = JObject.Parse(ExampleResponder.ReadExample("batches-upload-file.200.json"));
        example["data"]!["checksum"] = Convert.ToHexStringLower(SHA256.HashData(UploadedBytes));
        example["data"]!["file_size"] = UploadedBytes.Length;
        var recorder = new WireRecorder(new ExampleResponder(HttpStatusCode.OK, example.ToString()));
        using var client = CreateHttpClient(recorder, out var batches);
        using var content = new MemoryStream(UploadedBytes);

        var result = await batches.UploadAsync(BatchId, content, OddFileName);
        var wire = Assert.Single(recorder.Requests);

        Assert.Equal(OddFileName, result.FileName);
        Assert.Contains($"\n--{WireRecorder.BoundaryPlaceholder}--", wire);
        AssertNoToken(wire);
        ApprovedSnapshot.Match(wire, "WireFormatTests.Upload");
    }

    private static async Task<string> RecordAsync(string example, HttpStatusCode status, Func<BatchesClient, Task> operation)
    {
        var recorder = new WireRecorder(new ExampleResponder(status, ExampleResponder.ReadExample(example)));
        using var client = CreateHttpClient(recorder, out var batches);

        await operation(batches);

        return Assert.Single(recorder.Requests);
    }

    private static HttpClient CreateHttpClient(HttpMessageHandler handler, out BatchesClient batches)
    {
        var httpClient = new HttpClient(handler);
        var options = new ClevverClientOptions
        {
            // The emulator's default address. Nothing listens there in these tests, because the
            // responder returns each response before the request reaches the transport.
            BaseAddress = new Uri("http://127.0.0.1:5080/api"),
            Token = Token,
        };
        batches = new BatchesClient(httpClient, options);
        return httpClient;
    }

    private static void AssertNoToken(string wire) =>
        Assert.False(wire.Contains(Token, StringComparison.Ordinal), "The recorded request contains the API token.");
}
