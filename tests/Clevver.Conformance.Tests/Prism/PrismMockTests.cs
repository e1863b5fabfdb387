using Clevver.Generated;

namespace Clevver.Conformance.Tests.Prism;

/// <summary>The client against Prism's mock, which answers every operation with the contract's documented example.</summary>
public class PrismMockTests(PrismMockFixture fixture) : IClassFixture<PrismMockFixture>
{
    private static readonly Guid s_batchId = Guid.Parse("5c893d75-2a8b-4712-b56f-89377ac97681");

    // NOTE: Prism 5.16.0 parses multipart bodies with parse-multipart-data, which runs JSON.parse on
    // Content-Disposition parameter values, so an unquoted token value such as name=file makes the
    // whole Prism process exit. The generated UploadFileAsync sends its part through
    // MultipartFormDataContent, which writes name=file unquoted, so it cannot run against this Prism.
    // The verified UploadAsync quotes every parameter, so the upload response is read through it.

    [Fact]
    public async Task ListActive_Example_IsRead()
    {
        using var client = fixture.CreateClient();

        var response = await client.Batches.ListActiveAsync();

        var batches = response.Data.ToList();
        Assert.Equal(2, batches.Count);
        Assert.Equal(10.3, batches[0].Progress);
        Assert.Equal(97, batches[1].Progress);
        Assert.All(batches, batch => Assert.Equal(BatchStatus.Processing, batch.Status));
    }

    [Fact]
    public async Task Create_Example_IsRead()
    {
        using var client = fixture.CreateClient();

        var response = await client.Batches.CreateAsync();

        Assert.Equal(s_batchId, response.Data.Id);
        Assert.Equal(BatchStatus.Created, response.Data.Status);
        Assert.Equal("Batch created successfully", response.Data.Message);
    }

    [Fact]
    public async Task Get_Example_IsRead()
    {
        using var client = fixture.CreateClient();

        var response = await client.Batches.GetAsync(s_batchId);

        Assert.Equal(BatchStatus.Delivered, response.Data.Status);
        Assert.Equal(100, response.Data.Progress);
        Assert.Equal(new DateTimeOffset(2023, 11, 1, 13, 53, 12, TimeSpan.Zero), response.Data.CreatedAtUtc);
    }

    [Fact]
    public async Task Start_Example_IsRead()
    {
        using var client = fixture.CreateClient();

        var response = await client.Batches.StartAsync(s_batchId);

        Assert.Equal(BatchStatus.Processing, response.Data.Status);
        Assert.Equal("Batch job started", response.Data.Message);
    }

    [Fact]
    public async Task Upload_ExampleChecksum_RaisesMismatch()
    {
        using var client = fixture.CreateClient();
        using var content = new MemoryStream([1, 2, 3]);

        // The mock returns the example's checksum and size, which cannot match the bytes sent, so the
        // client raises the mismatch with the asset it read from the example.
        var exception = await Assert.ThrowsAsync<ClevverChecksumMismatchException>(
            () => client.Batches.UploadAsync(s_batchId, content, "myphoto.png"));

        Assert.Equal("f604699904334d333b17b872b1183d22f604699904334d333b17b872b1183d22", exception.ServerChecksum);
        Assert.Equal(1752887, exception.ServerSize);
        Assert.Equal("myphoto.png", exception.Asset.Name);
        Assert.Null(exception.Asset.EstimatedCost);
        Assert.Equal("/uploads/digital_asset/file/d37dffe9-60d5-4df4-ae0c-93bf42ac2137/thumb_myphoto.png", exception.Asset.File.Thumb?.Url);
    }

    [Fact]
    public async Task AllOperations_Mock_ReportsNoViolation()
    {
        using var client = fixture.CreateClient();
        using var content = new MemoryStream([1, 2, 3]);

        await client.Batches.ListActiveAsync();
        await client.Batches.CreateAsync();
        await client.Batches.GetAsync(s_batchId);
        await client.Batches.StartAsync(s_batchId);
        await Assert.ThrowsAsync<ClevverChecksumMismatchException>(() => client.Batches.UploadAsync(s_batchId, content, "a.bin"));

        Assert.Empty(fixture.Prism.Violations);
    }
}
