using Clevver.Conformance.Tests.Support;
using Clevver.Generated;

namespace Clevver.Conformance.Tests.Prism;

/// <summary>
/// The client and the emulator through <c>prism proxy --errors</c>, which validates each request and
/// each response against the contract. A violation on either side turns into Prism's own error
/// response, which the client raises, and into a line of Prism's output.
/// </summary>
/// <remarks>
/// NOTE: Prism 5.16.0's proxy forwards a multipart request body as UTF-8 text, so each byte of 0x80
/// or above reaches the server as a replacement character and the server stores other bytes. The
/// uploads here therefore send ASCII only; binary uploads are covered against the emulator directly.
/// </remarks>
public class PrismProxyTests(PrismProxyFixture fixture) : IClassFixture<PrismProxyFixture>
{
    [Fact]
    public async Task StoreFlow_ThroughProxy_HasNoViolation()
    {
        using var client = fixture.CreateClient();
        using var files = new TempFiles();
        var path = files.CreateText("notes.txt", 4096);
        var outputMark = fixture.Prism.Output.Count;

        var created = await client.Batches.CreateAsync();
        var upload = await client.Batches.UploadAsync(created.Data.Id, path);
        var started = await client.Batches.StartAsync(created.Data.Id);
        var listed = await client.Batches.ListActiveAsync();
        var delivered = await client.Batches.WaitForDeliveryAsync(created.Data.Id);
        var fetched = await client.Batches.GetAsync(created.Data.Id);

        Assert.Equal(4096, upload.Size);
        Assert.Equal(BatchStatus.Processing, started.Data.Status);
        Assert.Contains(listed.Data, batch => batch.Id == created.Data.Id);
        Assert.Equal(BatchStatus.Delivered, delivered.Status);
        Assert.Equal(BatchStatus.Delivered, fetched.Data.Status);
        Assert.Empty(ViolationsSince(outputMark));
    }

    [Fact]
    public async Task Get_UnknownBatch_Returns404()
    {
        using var client = fixture.CreateClient();
        var outputMark = fixture.Prism.Output.Count;

        var exception = await Assert.ThrowsAnyAsync<ClevverApiException>(() => client.Batches.GetAsync(Guid.NewGuid()));

        Assert.Equal(404, exception.StatusCode);
        AssertFromEmulator(exception);
        Assert.Empty(ViolationsSince(outputMark));
    }

    [Fact]
    public async Task Start_EmptyBatch_Returns422()
    {
        using var client = fixture.CreateClient();
        var created = await client.Batches.CreateAsync();
        var outputMark = fixture.Prism.Output.Count;

        var exception = await Assert.ThrowsAnyAsync<ClevverApiException>(() => client.Batches.StartAsync(created.Data.Id));

        Assert.Equal(422, exception.StatusCode);
        AssertFromEmulator(exception);
        Assert.Empty(ViolationsSince(outputMark));
    }

    [Fact]
    public async Task Upload_StartedBatch_Returns422()
    {
        using var client = fixture.CreateClient();
        var created = await client.Batches.CreateAsync();
        await client.Batches.UploadAsync(created.Data.Id, new MemoryStream([1, 2, 3]), "first.bin");
        await client.Batches.StartAsync(created.Data.Id);
        var outputMark = fixture.Prism.Output.Count;

        var exception = await Assert.ThrowsAnyAsync<ClevverApiException>(
            () => client.Batches.UploadAsync(created.Data.Id, new MemoryStream([4, 5, 6]), "late.bin"));

        Assert.Equal(422, exception.StatusCode);
        AssertFromEmulator(exception);
        Assert.Empty(ViolationsSince(outputMark));
    }

    [Fact]
    public async Task ListActive_WrongToken_Returns401()
    {
        using var client = fixture.CreateClient(token: "not-the-emulator-token");
        var outputMark = fixture.Prism.Output.Count;

        var exception = await Assert.ThrowsAnyAsync<ClevverApiException>(() => client.Batches.ListActiveAsync());

        Assert.Equal(401, exception.StatusCode);
        AssertFromEmulator(exception);
        Assert.Empty(ViolationsSince(outputMark));
    }

    [Fact]
    public async Task Proxy_ForwardsToEmulatorApiRoutes()
    {
        using var client = fixture.CreateClient();

        var created = await client.Batches.CreateAsync();

        // The batch exists in the emulator, so the request reached its /api/batches route.
        using var direct = new ClevverClient(new ClevverClientOptions { BaseAddress = fixture.Emulator.BaseAddress, Token = fixture.Emulator.Token });
        var fetched = await direct.Batches.GetAsync(created.Data.Id);
        Assert.Equal(created.Data.Id, fetched.Data.Id);
    }

    /// <summary>Asserts that the error body is the emulator's and not one that Prism made for a violation.</summary>
    private static void AssertFromEmulator(ClevverApiException exception) =>
        Assert.DoesNotContain(PrismProcess.PrismErrorType, exception.Response ?? string.Empty, StringComparison.Ordinal);

    private IReadOnlyList<string> ViolationsSince(int outputMark) =>
        fixture.Prism.Output.Skip(outputMark).Where(PrismProcess.IsViolation).ToList();
}
