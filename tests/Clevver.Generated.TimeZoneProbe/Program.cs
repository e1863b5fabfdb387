// Reads a batch response and an upload response from the files named on the command line, parses
// both through the generated client, and prints the parsed times in UTC with the local zone's id.
using System.Globalization;
using System.Net;
using System.Text;
using Clevver.Generated;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: Clevver.Generated.TimeZoneProbe BATCH_JSON_FILE UPLOAD_JSON_FILE");
    return 2;
}

var batchJson = await File.ReadAllTextAsync(args[0]);
var uploadJson = await File.ReadAllTextAsync(args[1]);
using var httpClient = new HttpClient(new FileResponseHandler(batchJson, uploadJson)) { BaseAddress = new Uri("http://127.0.0.1/api/") };
var client = new BatchesClient(httpClient);

var batch = await client.GetAsync(Guid.Empty);
var upload = await client.UploadFileAsync(Guid.Empty, new FileParameter(Stream.Null, "probe.bin"));

Console.WriteLine($"zone={TimeZoneInfo.Local.Id} offset={TimeZoneInfo.Local.BaseUtcOffset}");
Console.WriteLine("batch.created_at=" + batch.Data.CreatedAtUtc.ToString("O", CultureInfo.InvariantCulture));
Console.WriteLine("asset.created_at=" + upload.Data.CreatedAt.ToString("O", CultureInfo.InvariantCulture));
return 0;

internal sealed class FileResponseHandler(string batchJson, string uploadJson) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var json = request.Method == HttpMethod.Post ? uploadJson : batchJson;
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        });
    }
}
