using Clevver.Generated.Tests.Support;

namespace Clevver.Generated.Tests.Parsing;

public class DocumentedExampleTests
{
    [Fact]
    public async Task ListActive_DocumentedExample_Parses()
    {
        var client = CannedResponseHandler.CreateClient(Examples.Read("batches-list-active.200.json"), out _);

        var response = await client.ListActiveAsync();

        var batches = response.Data.ToList();
        Assert.Equal(ResponseStatus.Success, response.Status);
        Assert.Equal(2, batches.Count);
        Assert.Equal(Guid.Parse("5c893d75-2a8b-4712-b56f-89377ac97681"), batches[0].Id);
        Assert.Equal(BatchStatus.Processing, batches[0].Status);
        Assert.Equal(10.3, batches[0].Progress);
        Assert.Equal(97, batches[1].Progress);
        Assert.Equal("2023-11-01 13:53:12", batches[0].CreatedAt);
        Assert.Equal(new DateTimeOffset(2023, 11, 1, 13, 53, 12, TimeSpan.Zero), batches[0].CreatedAtUtc);
    }

    [Theory]
    [InlineData("batches-create.201.json", "created", 0, "Batch created successfully")]
    [InlineData("batches-start.200.json", "processing", 0, "Batch job started")]
    [InlineData("batches-get.200.json", "delivered", 100, null)]
    public async Task Batch_DocumentedExample_Parses(string file, string status, double progress, string? message)
    {
        var client = CannedResponseHandler.CreateClient(Examples.Read(file), out _);

        var response = await client.GetAsync(Guid.Parse("5c893d75-2a8b-4712-b56f-89377ac97681"));

        Assert.Equal(Guid.Parse("5c893d75-2a8b-4712-b56f-89377ac97681"), response.Data.Id);
        Assert.Equal(new BatchStatus(status), response.Data.Status);
        Assert.True(response.Data.Status.IsKnown);
        Assert.Equal(progress, response.Data.Progress);
        Assert.Equal(message, response.Data.Message);
        Assert.Equal(new DateTimeOffset(2023, 11, 1, 13, 53, 12, TimeSpan.Zero), response.Data.CreatedAtUtc);
    }

    [Fact]
    public async Task UploadFile_DocumentedExample_ParsesEveryField()
    {
        var client = CannedResponseHandler.CreateClient(Examples.Read("batches-upload-file.200.json"), out _);

        var response = await client.UploadFileAsync(Guid.NewGuid(), new FileParameter(Stream.Null, "myphoto.png"));

        var asset = response.Data;
        Assert.Equal("Asset successfully uploaded", response.Message);
        Assert.Equal(Guid.Parse("d37dffe9-60d5-4df4-ae0c-93bf42ac2137"), asset.Id);
        Assert.Equal("created", asset.Status);
        Assert.Equal("/uploads/digital_asset/file/d37dffe9-60d5-4df4-ae0c-93bf42ac2137/myphoto.png", asset.File.Url);
        Assert.Equal("/uploads/digital_asset/file/d37dffe9-60d5-4df4-ae0c-93bf42ac2137/thumb_myphoto.png", asset.File.Thumb?.Url);
        Assert.Equal(1752887L, asset.FileSize);
        Assert.Null(asset.EstimatedCost);
        Assert.Equal(new DateTimeOffset(2024, 1, 24, 5, 32, 50, 692, TimeSpan.Zero), asset.CreatedAt);
        Assert.Equal(asset.CreatedAt, asset.UpdatedAt);
        Assert.Null(asset.Txid);
        Assert.Null(asset.TaskId);
        Assert.Equal("{}", asset.SerializedMetadata);
        Assert.True(asset.ShouldBeCached);
        Assert.Null(asset.StoredOn);
        Assert.Null(asset.ShortSlug);
        Assert.Equal("f604699904334d333b17b872b1183d22f604699904334d333b17b872b1183d22", asset.Checksum);
        Assert.Equal(2L, asset.UserId);
        Assert.Equal("myphoto.png", asset.Name);
        Assert.False(asset.Archived);
        Assert.False(asset.Duplicate);
        Assert.Empty(asset.TagList!);
        Assert.Empty(asset.AdditionalProperties);
    }
}
