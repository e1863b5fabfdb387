using System.Text;
using Clevver.Generated.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Clevver.Generated.Tests.Diagnostics;

public class LoggingTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Store_LogsRequestsWithDuration()
    {
        var (logs, result) = await StoreOneFileAsync();

        var completed = logs.WithEvent("RequestCompleted").ToList();

        Assert.Contains(completed, entry => (string?)entry.Values["Method"] == "POST" && ((string)entry.Values["Path"]!).EndsWith("/batches", StringComparison.Ordinal));
        Assert.Contains(completed, entry => ((string)entry.Values["Path"]!).Contains(result.Batch.Id.ToString(), StringComparison.Ordinal));
        Assert.All(completed, entry => Assert.IsType<double>(entry.Values["ElapsedMilliseconds"]));
        Assert.Equal(logs.WithEvent("RequestStarting").Count(), completed.Count);
    }

    [Fact]
    public async Task Store_LogsVerifiedChecksumWithIds()
    {
        var (logs, result) = await StoreOneFileAsync();

        var verified = Assert.Single(logs.WithEvent("ChecksumVerified"));

        Assert.Equal(20, verified.EventId.Id);
        Assert.Equal(result.Batch.Id, verified.Values["BatchId"]);
        Assert.Equal(result.Files[0].Upload.Asset.Id, verified.Values["AssetId"]);
        Assert.Equal(result.Files[0].Upload.Sha256, verified.Values["Sha256"]);
    }

    [Fact]
    public async Task Store_LogsPollsWithBatchId()
    {
        var (logs, result) = await StoreOneFileAsync();

        var polls = logs.WithEvent("BatchPolled").ToList();

        Assert.NotEmpty(polls);
        Assert.All(polls, entry => Assert.Equal(result.Batch.Id, entry.Values["BatchId"]));
        Assert.Single(logs.WithEvent("BatchDelivered"));
    }

    [Fact]
    public async Task Store_NeverLogsTokenOrContents()
    {
        var (logs, _) = await StoreOneFileAsync(contents: "secret-file-contents");

        var text = string.Join('\n', logs.Entries.Select(entry => entry.Message + " " + string.Join(' ', entry.Values.Values)));

        Assert.DoesNotContain(emulator.Host.Token, text);
        Assert.DoesNotContain("secret-file-contents", text);
    }

    [Fact]
    public async Task RequestHeaders_RedactAllButAllowList()
    {
        var (logs, _) = await StoreOneFileAsync();

        var headers = logs.WithEvent("RequestHeaders").Select(entry => (string)entry.Values["Headers"]!).ToList();

        Assert.Contains(headers, text => text.Contains("Authorization: ***", StringComparison.Ordinal));
        Assert.Contains(headers, text => text.Contains("Content-Type: multipart/form-data; boundary=", StringComparison.Ordinal));
        Assert.DoesNotContain(headers, text => text.Contains(emulator.Host.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ChecksumMismatch_LogsErrorWithBothChecksums()
    {
        var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        using var httpClient = new HttpClient(new ChecksumTamperingHandler { InnerHandler = new SocketsHttpHandler() });
        var client = new BatchesClient(httpClient, new ClevverClientOptions { BaseAddress = emulator.Host.BaseAddress, Token = emulator.Host.Token, LoggerFactory = loggerFactory });
        var batch = await client.CreateAsync();

        await Assert.ThrowsAsync<ClevverChecksumMismatchException>(() => client.UploadAsync(batch.Data.Id, new MemoryStream([1, 2, 3]), "a.bin"));

        var mismatch = Assert.Single(logs.WithEvent("ChecksumMismatched"));
        Assert.Equal(LogLevel.Error, mismatch.Level);
        Assert.Equal(batch.Data.Id, mismatch.Values["BatchId"]);
        Assert.Equal(ChecksumTamperingHandler.FakeChecksum, mismatch.Values["ServerSha256"]);
        Assert.Empty(logs.WithEvent("ChecksumVerified"));
    }

    [Theory]
    [InlineData("Authorization", false)]
    [InlineData("Cookie", false)]
    [InlineData("X-Api-Key", false)]
    [InlineData("Content-Type", true)]
    [InlineData("retry-after", true)]
    public void HeaderRedactor_AllowList(string name, bool allowed)
    {
        var isAllowed = HeaderRedactor.IsAllowed(name);

        Assert.Equal(allowed, isAllowed);
    }

    private async Task<(CapturingLoggerProvider Logs, StoreResult Result)> StoreOneFileAsync(string contents = "hello")
    {
        using var files = new TempFiles();
        var path = Path.Combine(files.Directory, "note.txt");
        await File.WriteAllTextAsync(path, contents);
        var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        var options = new ClevverClientOptions
        {
            BaseAddress = emulator.Host.BaseAddress,
            Token = emulator.Host.Token,
            PollInterval = TimeSpan.FromMilliseconds(50),
            MaxPollInterval = TimeSpan.FromMilliseconds(200),
            LoggerFactory = loggerFactory,
        };
        using var client = new ClevverClient(options);

        var result = await client.Batches.StoreAsync([path]);
        return (logs, result);
    }

    /// <summary>Replaces the checksum in upload responses, as a server that stored other bytes would.</summary>
    private sealed class ChecksumTamperingHandler : DelegatingHandler
    {
        public const string FakeChecksum = "0000000000000000000000000000000000000000000000000000000000000000";

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (request.Method != HttpMethod.Post || !request.RequestUri!.AbsolutePath.EndsWith("/files", StringComparison.Ordinal))
            {
                return response;
            }

            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var tampered = System.Text.RegularExpressions.Regex.Replace(body, "\"checksum\":\"[0-9a-f]{64}\"", $"\"checksum\":\"{FakeChecksum}\"");
            response.Content = new StringContent(tampered, Encoding.UTF8, "application/json");
            return response;
        }
    }
}
