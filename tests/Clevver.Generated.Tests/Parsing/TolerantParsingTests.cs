using Clevver.Generated.Tests.Support;

namespace Clevver.Generated.Tests.Parsing;

public class TolerantParsingTests
{
    private const string AssetTemplate = """
        {"status":"success","data":{"id":"d37dffe9-60d5-4df4-ae0c-93bf42ac2137","status":"created",
        "file":{"url":"/uploads/a/b.pdf"},"file_size":3,"created_at":"2024-01-24T05:32:50.692Z",
        "updated_at":"2024-01-24T05:32:50.692Z","checksum":"CHECKSUM","name":"b.pdf"EXTRA}}
        """;

    private const string ValidChecksum = "f604699904334d333b17b872b1183d22f604699904334d333b17b872b1183d22";

    [Fact]
    public async Task UnknownStatus_IsKeptWithRawText()
    {
        const string Body = """
            {"status":"success","data":[
              {"id":"5c893d75-2a8b-4712-b56f-89377ac97681","status":"archiving","progress":50,"created_at":"2023-11-01 13:53:12"},
              {"id":"0adc8bf2-ec4a-415e-8074-cba50dd9e0b4","status":"processing","progress":97,"created_at":"2023-11-01 13:48:12"}]}
            """;
        var client = CannedResponseHandler.CreateClient(Body, out _);

        var response = await client.ListActiveAsync();

        var batches = response.Data.ToList();
        Assert.Equal(2, batches.Count);
        Assert.Equal("archiving", batches[0].Status.Value);
        Assert.False(batches[0].Status.IsKnown);
        Assert.Equal(BatchStatus.Processing, batches[1].Status);
    }

    [Theory]
    [InlineData("2023-11-01 13:53:12")]
    [InlineData("2023-11-01T13:53:12Z")]
    [InlineData("2023-11-01T13:53:12.000Z")]
    [InlineData("2023-11-01T15:53:12+02:00")]
    public async Task BatchCreatedAt_BothForms_ReadAsSameInstant(string createdAt)
    {
        var body = "{\"status\":\"success\",\"data\":{\"id\":\"5c893d75-2a8b-4712-b56f-89377ac97681\",\"status\":\"created\",\"progress\":0,\"created_at\":\"" + createdAt + "\"}}";
        var client = CannedResponseHandler.CreateClient(body, out _);

        var response = await client.GetAsync(Guid.NewGuid());

        Assert.Equal(createdAt, response.Data.CreatedAt);
        Assert.Equal(new DateTimeOffset(2023, 11, 1, 13, 53, 12, TimeSpan.Zero), response.Data.CreatedAtUtc);
    }

    [Fact]
    public async Task AssetCreatedAt_ZonelessForm_ReadAsUtc()
    {
        var body = AssetTemplate.Replace("CHECKSUM", ValidChecksum).Replace("EXTRA", string.Empty)
            .Replace("\"created_at\":\"2024-01-24T05:32:50.692Z\"", "\"created_at\":\"2024-01-24 05:32:50\"");
        var client = CannedResponseHandler.CreateClient(body, out _);

        var response = await client.UploadFileAsync(Guid.NewGuid(), new FileParameter(Stream.Null, "b.pdf"));

        Assert.Equal(new DateTimeOffset(2024, 1, 24, 5, 32, 50, TimeSpan.Zero), response.Data.CreatedAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData(",\"estimated_cost\":null,\"txid\":null,\"task_id\":null,\"stored_on\":null,\"short_slug\":null")]
    [InlineData(",\"file\":{\"url\":\"/uploads/a/b.pdf\",\"thumb\":null}")]
    [InlineData(",\"file\":{\"url\":\"/uploads/a/b.pdf\",\"thumb\":{\"url\":null}}")]
    public async Task OptionalAssetFields_NullOrMissing_Parse(string extra)
    {
        var body = AssetTemplate.Replace("CHECKSUM", ValidChecksum).Replace("EXTRA", extra);
        var client = CannedResponseHandler.CreateClient(body, out _);

        var response = await client.UploadFileAsync(Guid.NewGuid(), new FileParameter(Stream.Null, "b.pdf"));

        Assert.Equal("b.pdf", response.Data.Name);
        Assert.Null(response.Data.EstimatedCost);
        Assert.Null(response.Data.Txid);
        Assert.Null(response.Data.File.Thumb?.Url);
    }

    [Fact]
    public async Task UnknownField_IsKeptInAdditionalProperties()
    {
        var body = AssetTemplate.Replace("CHECKSUM", ValidChecksum).Replace("EXTRA", ",\"cdn_url\":\"https://clvr.ly/x\"");
        var client = CannedResponseHandler.CreateClient(body, out _);

        var response = await client.UploadFileAsync(Guid.NewGuid(), new FileParameter(Stream.Null, "b.pdf"));

        Assert.True(response.Data.AdditionalProperties.ContainsKey("cdn_url"));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("f604699904334d333b17b872b1183d22f604699904334d333b17b872b1183d2z")]
    public async Task InvalidChecksum_RaisesApiException(string checksum)
    {
        var body = AssetTemplate.Replace("CHECKSUM", checksum).Replace("EXTRA", string.Empty);
        var client = CannedResponseHandler.CreateClient(body, out _);

        var exception = await Assert.ThrowsAsync<ClevverApiException>(
            () => client.UploadFileAsync(Guid.NewGuid(), new FileParameter(Stream.Null, "b.pdf")));

        Assert.Equal(200, exception.StatusCode);
        Assert.Contains(checksum, exception.InnerException!.Message);
    }

    [Theory]
    [InlineData("\"progress\":101")]
    [InlineData("\"progress\":-1")]
    [InlineData("\"progress\":\"ten\"")]
    public async Task InvalidProgress_RaisesApiException(string progress)
    {
        var body = "{\"status\":\"success\",\"data\":{\"id\":\"5c893d75-2a8b-4712-b56f-89377ac97681\",\"status\":\"created\"," + progress + ",\"created_at\":\"2023-11-01 13:53:12\"}}";
        var client = CannedResponseHandler.CreateClient(body, out _);

        var exception = await Assert.ThrowsAsync<ClevverApiException>(() => client.GetAsync(Guid.NewGuid()));

        Assert.Equal(200, exception.StatusCode);
    }

    [Fact]
    public async Task InvalidBatchCreatedAt_RaisesApiException()
    {
        const string Body = "{\"status\":\"success\",\"data\":{\"id\":\"5c893d75-2a8b-4712-b56f-89377ac97681\",\"status\":\"created\",\"progress\":0,\"created_at\":\"01/11/2023\"}}";
        var client = CannedResponseHandler.CreateClient(Body, out _);

        var exception = await Assert.ThrowsAsync<ClevverApiException>(() => client.GetAsync(Guid.NewGuid()));

        Assert.Contains("01/11/2023", exception.InnerException!.Message);
    }
}

public class TimestampTests
{
    [Theory]
    [InlineData("2023-11-01 13:53:12", "2023-11-01T13:53:12.0000000+00:00")]
    [InlineData("2024-02-29 23:59:59", "2024-02-29T23:59:59.0000000+00:00")]
    [InlineData("2023-11-01T13:53:12.692Z", "2023-11-01T13:53:12.6920000+00:00")]
    [InlineData("2023-11-01 13:53:12.5", "2023-11-01T13:53:12.5000000+00:00")]
    [InlineData("2023-11-01T13:53:12Z", "2023-11-01T13:53:12.0000000+00:00")]
    [InlineData("2023-11-01T13:53:12.1234567Z", "2023-11-01T13:53:12.1234567+00:00")]
    [InlineData("2023-11-01T15:53:12.5+02:00", "2023-11-01T13:53:12.5000000+00:00")]
    public void TryParse_ValidForms_ReadAsUtc(string text, string expected)
    {
        var parsed = ClevverTimestamp.TryParse(text, out var value);

        Assert.True(parsed);
        Assert.Equal(expected, value.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("2023-02-29 10:00:00")]
    [InlineData("2023-13-01 10:00:00")]
    [InlineData("2023-11-01 24:00:00")]
    [InlineData("2023-11-01 13:60:12")]
    [InlineData("3312-02-98 02:63:59")]
    [InlineData("2023-11-0a 13:53:12")]
    [InlineData("2023/11/01 13:53:12")]
    [InlineData("2023-11-01T13:53:12.12345678Z")]
    [InlineData("2023-11-01T13:53:12x")]
    [InlineData("")]
    public void TryParse_InvalidText_ReturnsFalse(string text)
    {
        var parsed = ClevverTimestamp.TryParse(text, out _);

        Assert.False(parsed);
    }
}
