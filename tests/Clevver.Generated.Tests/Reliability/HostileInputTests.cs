using System.Net;
using Clevver.Generated.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Clevver.Generated.Tests.Reliability;

public sealed class HostileInputTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Upload_EmptyFile_IsStored()
    {
        using var files = new TempFiles();
        var path = files.Create("empty.txt", 0);
        using var client = emulator.CreateClient();
        var batch = await client.Batches.CreateAsync();

        var result = await client.Batches.UploadAsync(batch.Data.Id, path);

        Assert.Equal(0, result.Asset.FileSize);
        Assert.Equal(TempFiles.Sha256Of(path), result.Asset.Checksum);
    }

    [Fact]
    public async Task Upload_FileAppendedDuringUpload_RaisesIOException()
    {
        using var files = new TempFiles();
        var path = files.Create("growing.bin", 4 * MultipartUploadContent.BufferSize);
        using var client = emulator.CreateClient();
        var batch = await client.Batches.CreateAsync();
        var appended = false;
        var progress = new InlineProgress<UploadProgress>(_ =>
        {
            if (!appended)
            {
                appended = true;
                using var writer = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
                writer.Write(new byte[MultipartUploadContent.BufferSize]);
            }
        });

        var exception = await Record.ExceptionAsync(() => client.Batches.UploadAsync(batch.Data.Id, path, progress));

        Assert.IsType<IOException>(exception);
        Assert.Contains("grew", exception.Message);
    }

    [Fact]
    public async Task Upload_UnreadableFile_RaisesUnauthorizedAccess()
    {
        using var files = new TempFiles();
        var path = files.Create("locked.bin", 10);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.None);
        }

        using var client = emulator.CreateClient();
        var batch = await client.Batches.CreateAsync();

        var exception = await Record.ExceptionAsync(() => client.Batches.UploadAsync(batch.Data.Id, path));

        // As root the file stays readable and the upload may succeed. Any failure must be the access error.
        Assert.True(exception is null or UnauthorizedAccessException, exception?.ToString());
    }

    [Theory]
    [InlineData("http://127.0.0.1:9/prefix/api")]
    [InlineData("http://127.0.0.1:9/prefix/api/")]
    public async Task BaseAddress_WithPathPrefix_KeepsPrefix(string baseAddress)
    {
        var clock = new FakeTimeProvider();
        var transport = new ScriptedTransport(clock).Respond(HttpStatusCode.OK, ScriptedClient.BatchJson());
        var options = ScriptedClient.Options(clock);
        options.BaseAddress = new Uri(baseAddress);
        var client = ScriptedClient.Create(transport, options);

        await client.GetAsync(ScriptedClient.BatchId);

        Assert.Equal($"/prefix/api/batches/{ScriptedClient.BatchId}", transport.Requests[0].Path);
    }

    [Theory]
    [InlineData("http://clevver.example/api", false, false)]
    [InlineData("http://clevver.example/api", true, true)]
    [InlineData("http://127.0.0.1:8080/api", false, true)]
    [InlineData("http://[::1]:8080/api", false, true)]
    [InlineData("https://clevver.example/api", false, true)]
    public void BaseAddress_Http_OnlyLoopbackOrAllowed(string baseAddress, bool allowInsecureHttp, bool accepted)
    {
        var options = new ClevverClientOptions { BaseAddress = new Uri(baseAddress), Token = "t", AllowInsecureHttp = allowInsecureHttp };

        var exception = Record.Exception(options.Validate);

        Assert.Equal(accepted, exception is null);
    }
}
