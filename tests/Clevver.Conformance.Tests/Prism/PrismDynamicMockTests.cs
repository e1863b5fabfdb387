using System.Globalization;
using Clevver.Generated;
using System.Text.RegularExpressions;

namespace Clevver.Conformance.Tests.Prism;

/// <summary>
/// The client against <c>prism mock --dynamic</c>, which generates a new random body from the
/// response schema for every request. Each operation runs several times, so that the client meets
/// values the examples never show.
/// </summary>
/// <remarks>
/// NOTE: the contract types a batch's <c>created_at</c> by a pattern, which bounds each field but
/// cannot tie the day to the month, so Prism may still generate a date such as
/// <c>2023-02-31 10:00:00</c>, and the client rejects a time that is not on the calendar. The tests
/// accept exactly that rejection: every other body must be read.
/// </remarks>
public partial class PrismDynamicMockTests(PrismDynamicMockFixture fixture) : IClassFixture<PrismDynamicMockFixture>
{
    private const int Rounds = 8;

    [Fact]
    public async Task ListActive_RandomBodies_AreRead()
    {
        using var client = fixture.CreateClient();

        for (var round = 0; round < Rounds; round++)
        {
            var response = await ReadOrRejectInvalidTimeAsync(() => client.Batches.ListActiveAsync());

            Assert.All(response?.Data ?? [], AssertValidBatch);
        }
    }

    [Fact]
    public async Task BatchOperations_RandomBodies_AreRead()
    {
        using var client = fixture.CreateClient();
        var batchId = Guid.NewGuid();

        for (var round = 0; round < Rounds; round++)
        {
            var created = await ReadOrRejectInvalidTimeAsync(() => client.Batches.CreateAsync());
            var fetched = await ReadOrRejectInvalidTimeAsync(() => client.Batches.GetAsync(batchId));
            var started = await ReadOrRejectInvalidTimeAsync(() => client.Batches.StartAsync(batchId));

            Assert.All(new[] { created, fetched, started }.OfType<BatchResponse>(), response => AssertValidBatch(response.Data));
        }
    }

    [Fact]
    public async Task Upload_RandomBodies_AreRead()
    {
        using var client = fixture.CreateClient();
        var batchId = Guid.NewGuid();

        for (var round = 0; round < Rounds; round++)
        {
            using var content = new MemoryStream([1, 2, 3]);

            // A random checksum never matches the bytes sent, so the asset arrives in the mismatch.
            var exception = await Assert.ThrowsAsync<ClevverChecksumMismatchException>(() => client.Batches.UploadAsync(batchId, content, "a.bin"));

            Assert.NotNull(exception.Asset.File);
            Assert.Matches("^[0-9a-fA-F]{64}$", exception.Asset.Checksum);
            Assert.True(exception.Asset.FileSize >= 0, $"file_size {exception.Asset.FileSize} is negative.");
        }
    }

    [Fact]
    public async Task AllOperations_DynamicMock_ReportsNoViolation()
    {
        using var client = fixture.CreateClient();
        using var content = new MemoryStream([1, 2, 3]);
        var batchId = Guid.NewGuid();

        await ReadOrRejectInvalidTimeAsync(() => client.Batches.ListActiveAsync());
        await ReadOrRejectInvalidTimeAsync(() => client.Batches.CreateAsync());
        await ReadOrRejectInvalidTimeAsync(() => client.Batches.GetAsync(batchId));
        await ReadOrRejectInvalidTimeAsync(() => client.Batches.StartAsync(batchId));
        await Assert.ThrowsAsync<ClevverChecksumMismatchException>(() => client.Batches.UploadAsync(batchId, content, "a.bin"));

        Assert.Empty(fixture.Prism.Violations);
    }

    /// <summary>
    /// Returns the response, or null when the client rejected it for a <c>created_at</c> that matches
    /// the contract's pattern but is no calendar time. Any other failure fails the test.
    /// </summary>
    private static async Task<T?> ReadOrRejectInvalidTimeAsync<T>(Func<Task<T>> send)
        where T : class
    {
        try
        {
            return await send();
        }
        catch (ClevverApiException exception) when (exception.StatusCode is >= 200 and < 300)
        {
            // The reason may sit in an inner exception, which JSON.NET raised while reading the body.
            var messages = string.Join(" | ", Chain(exception).Select(e => e.Message));
            var match = RejectedTimePattern().Match(messages);
            Assert.True(match.Success, $"The client rejected a generated body for another reason: {messages}");
            var time = match.Groups[1].Value;
            Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$", time);
            Assert.False(
                DateTime.TryParseExact(time, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
                $"The client rejected '{time}', which is a valid time.");
            return null;
        }
    }

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            yield return current;
        }
    }

    private static void AssertValidBatch(Batch batch)
    {
        Assert.InRange(batch.Progress, 0, 100);
        Assert.Contains(batch.Status, new[] { BatchStatus.Created, BatchStatus.Processing, BatchStatus.Delivered });
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$", batch.CreatedAt);
    }

    [GeneratedRegex("invalid created_at '([^']*)'")]
    private static partial Regex RejectedTimePattern();
}
