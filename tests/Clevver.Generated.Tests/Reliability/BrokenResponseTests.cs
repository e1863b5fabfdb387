using System.Net;
using System.Text;
using Clevver.Generated.Tests.Support;
using CsCheck;
using Microsoft.Extensions.Time.Testing;

namespace Clevver.Generated.Tests.Reliability;

public sealed class BrokenResponseTests
{
    private const string Valid = """{"status":"success","data":{"id":"9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d","status":"created","progress":0,"created_at":"2024-01-24 05:32:50"}}""";

    private const string ValidAsset = """{"status":"success","data":{"id":"6f1c1c8e-3c52-4a43-9f70-3b0f1f9e2a11","status":"created","file":{"url":"/f/a"},"file_size":3,"created_at":"2024-01-24T05:32:50.692Z","updated_at":"2024-01-24T05:32:50.692Z","checksum":"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad","name":"a.bin"}}""";

    private readonly FakeTimeProvider _clock = new();

    [Theory]
    [InlineData("{\"status\":\"success\",\"data\":{\"id\":\"9b1deb4d-3b7d", "truncated")]
    [InlineData("{\"status\":\"success\"}", "without data")]
    [InlineData("{\"status\":\"success\",\"data\":null}", "null data")]
    [InlineData("{\"status\":\"success\",\"data\":{\"id\":\"not-a-uuid\",\"status\":\"created\",\"progress\":0,\"created_at\":\"2024-01-24 05:32:50\"}}", "id not a uuid")]
    [InlineData("{\"status\":\"success\",\"data\":{\"id\":\"9b1deb4d3b7d4bad9bdd2b0d7b3dcb6d\",\"status\":\"created\",\"progress\":0,\"created_at\":\"2024-01-24 05:32:50\"}}", "uuid without hyphens")]
    [InlineData("{\"status\":\"success\",\"data\":{\"id\":\"9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d\",\"status\":\"created\",\"progress\":\"50\",\"created_at\":\"2024-01-24 05:32:50\"}}", "progress as text")]
    [InlineData("{\"status\":\"success\",\"data\":{\"id\":\"9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d\",\"status\":\"created\",\"progress\":1e999,\"created_at\":\"2024-01-24 05:32:50\"}}", "progress out of range")]
    [InlineData("null", "null body")]
    [InlineData("", "empty body")]
    public async Task Get_BrokenBody_RaisesApiExceptionWithExcerpt(string body, string reason)
    {
        var client = ScriptedClient.Create(new ScriptedTransport(_clock).Respond(HttpStatusCode.OK, body), ScriptedClient.Options(_clock));

        var exception = await Assert.ThrowsAnyAsync<ClevverApiException>(() => client.GetAsync(ScriptedClient.BatchId));

        Assert.True(200 == exception.StatusCode, reason);
        Assert.Equal(body, exception.Response);
    }

    [Theory]
    [InlineData("1.5", "fractional file_size")]
    [InlineData("\"3\"", "file_size as text")]
    [InlineData("99999999999999999999999", "file_size beyond a 64-bit integer")]
    [InlineData("-3", "negative file_size")]
    public async Task Upload_BrokenFileSize_RaisesApiException(string fileSize, string reason)
    {
        var body = ValidAsset.Replace("\"file_size\":3", $"\"file_size\":{fileSize}", StringComparison.Ordinal);
        var client = ScriptedClient.Create(new ScriptedTransport(_clock).Respond(HttpStatusCode.OK, body), ScriptedClient.Options(_clock));
        using var stream = new MemoryStream("abc"u8.ToArray());

        var exception = await Assert.ThrowsAnyAsync<ClevverApiException>(() => client.UploadAsync(ScriptedClient.BatchId, stream, "a.bin"));

        Assert.True(exception.Response!.Contains(fileSize, StringComparison.Ordinal), reason);
    }

    [Fact]
    public async Task Upload_WholeNumberWithFraction_IsAccepted()
    {
        var body = ValidAsset.Replace("\"file_size\":3", "\"file_size\":3.0", StringComparison.Ordinal);
        var client = ScriptedClient.Create(new ScriptedTransport(_clock).Respond(HttpStatusCode.OK, body), ScriptedClient.Options(_clock));
        using var stream = new MemoryStream("abc"u8.ToArray());

        var result = await client.UploadAsync(ScriptedClient.BatchId, stream, "a.bin");

        Assert.Equal(3, result.Asset.FileSize);
    }

    [Fact]
    public async Task Upload_ChecksumNotHex_RaisesApiException()
    {
        var body = ValidAsset.Replace("ba7816bf", "zz7816bf", StringComparison.Ordinal);
        var client = ScriptedClient.Create(new ScriptedTransport(_clock).Respond(HttpStatusCode.OK, body), ScriptedClient.Options(_clock));
        using var stream = new MemoryStream("abc"u8.ToArray());

        var exception = await Assert.ThrowsAnyAsync<ClevverApiException>(() => client.UploadAsync(ScriptedClient.BatchId, stream, "a.bin"));

        Assert.Contains("zz7816bf", exception.Message);
    }

    [Fact]
    public async Task Get_HtmlWithStatus200_RaisesApiException()
    {
        const string Page = "<html><head><title>Sign in</title></head><body>Portal</body></html>";
        var client = ScriptedClient.Create(new ScriptedTransport(_clock).Respond(HttpStatusCode.OK, Page, "text/html"), ScriptedClient.Options(_clock));

        var exception = await Assert.ThrowsAnyAsync<ClevverApiException>(() => client.GetAsync(ScriptedClient.BatchId));

        Assert.Contains("text/html", exception.Message);
        Assert.Equal(Page, exception.Response);
    }

    [Fact]
    public async Task Get_BodyOverLimit_RaisesApiException()
    {
        var body = Valid.Replace("}}", $"}},\"padding\":\"{new string('x', 5000)}\"}}", StringComparison.Ordinal);
        var options = ScriptedClient.Options(_clock);
        options.MaxResponseBodyBytes = 1000;
        var client = ScriptedClient.Create(new ScriptedTransport(_clock).Respond(HttpStatusCode.OK, body), options);

        var exception = await Assert.ThrowsAnyAsync<ClevverApiException>(() => client.GetAsync(ScriptedClient.BatchId));

        Assert.Contains("MaxResponseBodyBytes", exception.Message);
    }

    [Fact]
    public async Task Get_BodyOverLimitWithoutClientHandlers_RaisesApiException()
    {
        var body = Valid.Replace("}}", $"}},\"padding\":\"{new string('x', 5000)}\"}}", StringComparison.Ordinal);
        var options = ScriptedClient.Options(_clock);
        options.MaxResponseBodyBytes = 1000;
        var handler = new CannedResponseHandler(HttpStatusCode.OK, body);
        var client = new ResponseCheckingBatchesClient(new HttpClient(handler) { BaseAddress = options.GetNormalizedBaseAddress() }, options);

        var exception = await Assert.ThrowsAnyAsync<ClevverApiException>(() => client.GetAsync(ScriptedClient.BatchId));

        Assert.StartsWith(Valid[..100], exception.Response);
    }

    /// <summary>
    /// Valid bodies, then bodies with a field dropped, nulled or given another type, cut short, or
    /// with random bytes spliced in: each either parses or raises ClevverApiException.
    /// </summary>
    [Fact]
    public void Parse_MutatedBodies_ValueOrApiException()
    {
        var fields = new[] { "id", "status", "progress", "created_at", "data" };
        var replacements = new[] { "null", "1.5", "\"x\"", "[]", "{}", "true", "-1", "99999999999999999999999", "\"\"" };
        var valid =
            from id in Gen.Guid
            from status in Gen.OneOf<string>("created", "processing", "delivered", "archived")
            from progress in Gen.Double[0, 100]
            from seconds in Gen.Int[0, 59]
            select $$$"""{"status":"success","data":{"id":"{{{id}}}","status":"{{{status}}}","progress":{{{progress.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}}},"created_at":"2024-01-24 05:32:{{{seconds:00}}}"}}""";
        var mutated = Gen.OneOf(
            valid,
            from body in valid from field in Gen.OneOf<string>(fields) select DropField(body, field),
            from body in valid from field in Gen.OneOf<string>(fields) from value in Gen.OneOf<string>(replacements) select ReplaceValue(body, field, value),
            from body in valid from cut in Gen.Int[0, 200] select body[..Math.Min(cut, body.Length)],
            from body in valid from at in Gen.Int[0, 200] from noise in Gen.Byte.Array[1, 20] select Splice(body, at, noise));

        mutated.Sample(body =>
        {
            var client = ScriptedClient.Create(new ScriptedTransport(_clock).Respond(HttpStatusCode.OK, body), ScriptedClient.Options(_clock));
            var outcome = Record.Exception(() => client.GetAsync(ScriptedClient.BatchId).GetAwaiter().GetResult());
            return outcome is null or ClevverApiException;
        }, iter: 400);
    }

    private static string DropField(string body, string field)
    {
        var start = body.IndexOf($"\"{field}\":", StringComparison.Ordinal);
        var end = body.IndexOfAny([',', '}'], body.IndexOf(':', start) + 1);
        return field == "data" ? body[..(start - 1)] + "}" : body.Remove(start, end - start + (body[end] == ',' ? 1 : 0));
    }

    private static string ReplaceValue(string body, string field, string value)
    {
        var colon = body.IndexOf($"\"{field}\":", StringComparison.Ordinal) + field.Length + 3;
        var end = field == "data" ? body.Length - 1 : body.IndexOfAny([',', '}'], colon);
        return body[..colon] + value + body[end..];
    }

    private static string Splice(string body, int at, byte[] noise)
    {
        var position = Math.Min(at, body.Length);
        return body[..position] + Encoding.Latin1.GetString(noise) + body[position..];
    }
}
