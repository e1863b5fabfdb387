using System.Net.Http.Headers;
using System.Security.Cryptography;
using Clevver.Cli.Connection;
using Clevver.Generated;
using Newtonsoft.Json.Linq;

namespace Clevver.Cli.Drift;

/// <summary>The responses checked by one probe and the differences found in them.</summary>
/// <param name="Requests">The request lines whose responses were validated, in the order they were sent.</param>
/// <param name="Findings">Every difference, one per value.</param>
internal sealed record DriftReport(IReadOnlyList<string> Requests, IReadOnlyList<DriftFinding> Findings);

/// <summary>
/// Sends the API's operations to a server and validates every response body against the contract.
/// Without <c>write</c> it only reads: it lists the active batches and gets one of them. With
/// <c>write</c> it also creates a batch, uploads a small generated file into it and starts it, which
/// on the production API stores that file for a fee and permanently.
/// </summary>
internal sealed class DriftProbe(HttpClient http, ContractSchemas contract, RequestTracker tracker)
{
    /// <summary>Size of the file that the write flow uploads, in bytes.</summary>
    public const int ProbeFileSize = 64;

    /// <summary>Name of the file that the write flow uploads.</summary>
    public const string ProbeFileName = "clevver-drift-probe.bin";

    private readonly List<string> _requests = [];
    private readonly List<DriftFinding> _findings = [];

    /// <summary>Runs the probe.</summary>
    /// <exception cref="ClevverApiException">The server answered a request with another status than the contract's success status.</exception>
    public async Task<DriftReport> RunAsync(bool write, CancellationToken cancellationToken)
    {
        var listed = await SendAsync(HttpMethod.Get, "batches", null, "Batches_ListActive", 200, cancellationToken);
        if (FirstBatchId(listed, "$.data[0].id") is Guid activeId)
        {
            await SendAsync(HttpMethod.Get, $"batches/{activeId}", null, "Batches_Get", 200, cancellationToken);
        }

        if (write)
        {
            await RunStoreFlowAsync(cancellationToken);
        }

        return new DriftReport(_requests.ToList(), _findings.ToList());
    }

    private async Task RunStoreFlowAsync(CancellationToken cancellationToken)
    {
        var created = await SendAsync(HttpMethod.Post, "batches", null, "Batches_Create", 201, cancellationToken);
        if (FirstBatchId(created, "$.data.id") is not Guid batchId)
        {
            // Without an id, which the findings already report, the flow cannot go on.
            return;
        }

        using var upload = CreateProbeFile();
        await SendAsync(HttpMethod.Post, $"batches/{batchId}/files", upload, "Batches_UploadFile", 200, cancellationToken);
        await SendAsync(HttpMethod.Post, $"batches/{batchId}/start", null, "Batches_Start", 200, cancellationToken);
        await SendAsync(HttpMethod.Get, $"batches/{batchId}", null, "Batches_Get", 200, cancellationToken);
    }

    private async Task<JToken?> SendAsync(HttpMethod method, string relativePath, HttpContent? content, string operationId, int expectedStatus, CancellationToken cancellationToken)
    {
        tracker.Begin(method.Method, relativePath);
        using var request = new HttpRequestMessage(method, relativePath) { Content = content };
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);

        var status = (int)response.StatusCode;
        if (status != expectedStatus)
        {
            var headers = response.Headers.Concat(response.Content.Headers).ToDictionary(header => header.Key, header => header.Value);
            throw new ClevverApiException($"The server returned {status}, where the contract's success status of {operationId} is {expectedStatus}.", status, body, headers, null);
        }

        var requestLine = tracker.Current!;
        _requests.Add(requestLine);
        var schema = await contract.GetResponseSchemaAsync(operationId, expectedStatus, cancellationToken);
        _findings.AddRange(ResponseValidator.Validate(schema, body, requestLine));
        return TryParse(body);
    }

    private static MultipartFormDataContent CreateProbeFile()
    {
        var file = new ByteArrayContent(RandomNumberGenerator.GetBytes(ProbeFileSize));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { file, "file", ProbeFileName } };
    }

    private static Guid? FirstBatchId(JToken? document, string path) =>
        document?.SelectToken(path) is JValue { Type: JTokenType.String } value && Guid.TryParse((string?)value, out var id) ? id : null;

    private static JToken? TryParse(string body)
    {
        try
        {
            return JToken.Parse(body);
        }
        catch (Newtonsoft.Json.JsonReaderException)
        {
            return null;
        }
    }
}
