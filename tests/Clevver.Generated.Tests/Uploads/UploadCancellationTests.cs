using Clevver.Generated.Tests.Support;

namespace Clevver.Generated.Tests.Uploads;

public class UploadCancellationTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private const long SourceLength = 1L << 30;

    [Fact]
    public async Task Upload_Cancelled_StopsReadingAtOnce()
    {
        using var client = emulator.CreateClient();
        var batch = await client.Batches.CreateAsync();
        using var source = new CountingZeroStream(SourceLength);
        using var cancellation = new CancellationTokenSource();
        long readWhenCancelled = 0;
        var progress = new InlineProgress<UploadProgress>(report =>
        {
            if (report.BytesSent >= 4 << 20 && !cancellation.IsCancellationRequested)
            {
                readWhenCancelled = source.BytesRead;
                cancellation.Cancel();
            }
        });

        var exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => client.Batches.UploadAsync(batch.Data.Id, source, "large.bin", progress, cancellation.Token));

        Assert.IsNotType<ClevverTimeoutException>(exception);
        Assert.True(readWhenCancelled > 0, "The upload was never cancelled.");
        // One more buffer may be in flight when the token fires; the rest of the gigabyte is never read.
        Assert.InRange(source.BytesRead - readWhenCancelled, 0, MultipartUploadContent.BufferSize);
    }

    /// <summary>A seekable stream of zeros that counts the bytes read from it.</summary>
    private sealed class CountingZeroStream(long length) : Stream
    {
        private long _position;

        public long BytesRead => Interlocked.Read(ref _position);

        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => BytesRead; set => Interlocked.Exchange(ref _position, value); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = (int)Math.Min(count, length - BytesRead);
            Array.Clear(buffer, offset, read);
            Interlocked.Add(ref _position, read);
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => BytesRead + offset,
            _ => length + offset,
        };

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

public class UploadRejectionTests
{
    [Fact]
    public async Task Upload_OverServerLimit_Raises413NotNetworkError()
    {
        await using var host = await Clevver.Emulator.EmulatorHost.StartAsync(new Clevver.Emulator.EmulatorOptions { MaxFileSize = 1024 });
        using var client = new ClevverClient(new ClevverClientOptions { BaseAddress = host.BaseAddress, Token = host.Token });
        var batch = await client.Batches.CreateAsync();

        // Larger than the server's body limit (the file limit plus 1 MiB of framing), so the server
        // rejects the request from its Content-Length. Without Expect: 100-continue the client would
        // be writing the 64 MiB into the closed connection and raise a network error instead.
        var exception = await Assert.ThrowsAnyAsync<ClevverApiException>(
            () => client.Batches.UploadAsync(batch.Data.Id, new MemoryStream(new byte[64 << 20]), "large.bin"));

        Assert.Equal(413, exception.StatusCode);
    }
}
