using System.Net.Http.Headers;
using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;

namespace Clevver.Generated.Benchmarks.Uploads;

/// <summary>
/// Writes a multipart upload body to <see cref="Stream.Null"/> and computes the file's SHA-256, by
/// the client's single pass, by NSwag's default multipart content with a separate hash pass, and by
/// reading the whole file into memory, each against SHA-256 alone over the same bytes.
/// </summary>
/// <remarks>
/// No network is involved, so the ratios show the cost of building the body and hashing it. The file
/// rows read a file that was written in setup and stays in the page cache.
/// </remarks>
public class UploadSerializationBenchmarks
{
    private const string FileName = "upload.bin";
    private const string ContentType = "application/octet-stream";

    private byte[] _data = [];
    private string _directory = "";
    private string _path = "";

    /// <summary>Size of the uploaded file in bytes.</summary>
    [Params(
        4 * 1024,          // A small file, where the fixed cost per upload (headers, boundary, hash setup) dominates.
        1024 * 1024,       // Eight reads of the 128 KiB buffer, a common document or photo size.
        64 * 1024 * 1024)] // Large enough that hashing dominates and any per-byte copy or allocation shows.
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _data = new byte[Size];
        new Random(42).NextBytes(_data);
        _directory = Directory.CreateTempSubdirectory("clevver-benchmarks-").FullName;
        _path = Path.Combine(_directory, FileName);
        File.WriteAllBytes(_path, _data);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_directory, recursive: true);

    [Benchmark(Baseline = true, Description = "SHA-256 only")]
    public byte[] Sha256Only() => SHA256.HashData(_data);

    [Benchmark(Description = "Client body + SHA-256, memory")]
    public async Task<string?> ClientFromMemory()
    {
        using var source = new MemoryStream(_data, writable: false);
        using var content = new MultipartUploadContent(source, FileName, ContentType, source.Length, progress: null);
        await content.CopyToAsync(Stream.Null);
        return content.Sha256;
    }

    [Benchmark(Description = "Client body + SHA-256, file")]
    public async Task<string?> ClientFromFile()
    {
        // The same options as BatchesClient.UploadAsync(Guid, string, ...) uses to open the file.
        await using var source = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan | FileOptions.Asynchronous);
        using var content = new MultipartUploadContent(source, FileName, ContentType, source.Length, progress: null);
        await content.CopyToAsync(Stream.Null);
        return content.Sha256;
    }

    [Benchmark(Description = "NSwag body + hash pass, memory")]
    public async Task<byte[]> NSwagFromMemory()
    {
        using var source = new MemoryStream(_data, writable: false);
        return await HashThenSendWithNSwagContentAsync(source);
    }

    [Benchmark(Description = "NSwag body + hash pass, file")]
    public async Task<byte[]> NSwagFromFile()
    {
        await using var source = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 4096, FileOptions.SequentialScan | FileOptions.Asynchronous);
        return await HashThenSendWithNSwagContentAsync(source);
    }

    [Benchmark(Description = "ReadAllBytes, hash, write")]
    public async Task<byte[]> ReadAllBytesThenHash()
    {
        var bytes = await File.ReadAllBytesAsync(_path);
        var sha256 = SHA256.HashData(bytes);
        using var content = new MultipartFormDataContent(Guid.NewGuid().ToString());
        content.Add(new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue(ContentType) } }, "file", FileName);
        await content.CopyToAsync(Stream.Null);
        return sha256;
    }

    // NSwag's generated UploadFileAsync wraps FileParameter.Data in a StreamContent inside a
    // MultipartFormDataContent, and nothing in that path sees the bytes, so a caller that needs the
    // checksum reads the source once to hash it, rewinds it and lets the body read it again.
    private static async Task<byte[]> HashThenSendWithNSwagContentAsync(Stream source)
    {
        var sha256 = await SHA256.HashDataAsync(source);
        source.Position = 0;

        var boundary = Guid.NewGuid().ToString();
        using var content = new MultipartFormDataContent(boundary);
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=" + boundary);
        var filePart = new StreamContent(source);
        filePart.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
        content.Add(filePart, "file", FileName);
        await content.CopyToAsync(Stream.Null);
        return sha256;
    }
}
