using System.Text;
using Clevver.Generated.Tests.Support;

namespace Clevver.Generated.Tests.Uploads;

public class UploadTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task UploadPath_RealFile_ChecksumMatchesSha256()
    {
        using var files = new TempFiles();
        var path = files.Create("report.pdf", 300_000);
        using var client = emulator.CreateClient();
        var batch = await client.Batches.CreateAsync();

        var result = await client.Batches.UploadAsync(batch.Data.Id, path);

        Assert.Equal(TempFiles.Sha256Of(path), result.Sha256);
        Assert.Equal(result.Sha256, result.Asset.Checksum);
        Assert.Equal(300_000L, result.Size);
        Assert.Equal(300_000L, result.Asset.FileSize);
        Assert.Equal("report.pdf", result.Asset.Name);
        Assert.Equal("Asset successfully uploaded", result.Message);
    }

    [Fact]
    public async Task UploadStream_NonSeekable_ChecksumMatches()
    {
        var bytes = Encoding.UTF8.GetBytes(new string('x', 70_000));
        using var client = emulator.CreateClient();
        var batch = await client.Batches.CreateAsync();
        using var stream = new NonSeekableStream(new MemoryStream(bytes));

        var result = await client.Batches.UploadAsync(batch.Data.Id, stream, "notes.txt");

        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), result.Sha256);
        Assert.Equal(bytes.Length, result.Asset.FileSize);
    }

    [Fact]
    public async Task UploadStream_CallerStream_IsNotDisposed()
    {
        using var client = emulator.CreateClient();
        var batch = await client.Batches.CreateAsync();
        var stream = new MemoryStream(new byte[] { 1, 2, 3 });

        await client.Batches.UploadAsync(batch.Data.Id, stream, "three.bin");

        Assert.True(stream.CanRead);
    }

    [Theory]
    [InlineData("my photo.png")]
    [InlineData("résumé été.pdf")]
    [InlineData("квартальный отчёт.txt")]
    [InlineData("say \"hello\".txt")]
    [InlineData("a;b;c.txt")]
    [InlineData("back\\slash.txt")]
    [InlineData("dir/name.txt")]
    [InlineData("line\r\nbreak.txt")]
    [InlineData("emoji 🚀.bin")]
    [InlineData("%41 percent.txt")]
    public async Task UploadStream_OddFileName_RoundTripsExactly(string fileName)
    {
        using var client = emulator.CreateClient();
        var batch = await client.Batches.CreateAsync();

        var result = await client.Batches.UploadAsync(batch.Data.Id, new MemoryStream([42]), fileName);

        Assert.Equal(fileName, result.Asset.Name);
    }

    [Fact]
    public async Task Upload_ServerChecksumDiffers_RaisesMismatch()
    {
        using var files = new TempFiles();
        var path = files.Create("photo.png", 1000);
        var tampering = new ChecksumTamperingHandler { InnerHandler = new SocketsHttpHandler() };
        using var httpClient = new HttpClient(tampering) { BaseAddress = emulator.Host.BaseAddress };
        var client = new BatchesClient(httpClient, new ClevverClientOptions { BaseAddress = emulator.Host.BaseAddress, Token = emulator.Host.Token });
        var batch = await client.CreateAsync();

        var exception = await Assert.ThrowsAsync<ClevverChecksumMismatchException>(() => client.UploadAsync(batch.Data.Id, path));

        Assert.Equal(TempFiles.Sha256Of(path), exception.LocalChecksum);
        Assert.Equal(ChecksumTamperingHandler.FakeChecksum, exception.ServerChecksum);
        Assert.Equal(1000L, exception.LocalSize);
        Assert.Equal(1000L, exception.ServerSize);
        Assert.Contains(exception.LocalChecksum, exception.Message);
    }

    [Fact]
    public async Task UploadPath_MissingFile_RaisesBeforeRequest()
    {
        using var client = emulator.CreateClient();

        var exception = await Assert.ThrowsAsync<FileNotFoundException>(
            () => client.Batches.UploadAsync(Guid.NewGuid(), "/nonexistent/clevver/file.png"));

        Assert.Contains("/nonexistent/clevver/file.png", exception.Message);
    }

    [Fact]
    public async Task UploadPath_Directory_RaisesArgumentException()
    {
        using var files = new TempFiles();
        using var client = emulator.CreateClient();

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => client.Batches.UploadAsync(Guid.NewGuid(), files.Directory));

        Assert.Contains("is a directory", exception.Message);
    }

    [Fact]
    public async Task Upload_Progress_ReportsEveryByte()
    {
        using var files = new TempFiles();
        var path = files.Create("big.bin", 1_000_000);
        using var client = emulator.CreateClient();
        var batch = await client.Batches.CreateAsync();
        var reports = new List<UploadProgress>();

        await client.Batches.UploadAsync(batch.Data.Id, path, new InlineProgress<UploadProgress>(reports.Add));

        Assert.NotEmpty(reports);
        Assert.Equal(1_000_000L, reports[^1].BytesSent);
        Assert.Equal(1_000_000L, reports[^1].TotalBytes);
    }

    private sealed class NonSeekableStream(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Replaces the checksum in a real upload response, as a server with a corrupted copy would send.</summary>
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

public class ChangingSourceTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task UploadStream_ShorterThanLength_RaisesIOException()
    {
        using var client = emulator.CreateClient();
        var batch = await client.Batches.CreateAsync();
        using var stream = new LyingLengthStream(new byte[1000], reportedLength: 5000);

        var exception = await Assert.ThrowsAsync<IOException>(() => client.Batches.UploadAsync(batch.Data.Id, stream, "shrinking.bin"));

        Assert.Contains("shrank", exception.Message);
    }

    /// <summary>A stream whose Length claims more bytes than it returns, as a file truncated during an upload.</summary>
    private sealed class LyingLengthStream(byte[] data, long reportedLength) : MemoryStream(data)
    {
        public override long Length => reportedLength;
    }
}
