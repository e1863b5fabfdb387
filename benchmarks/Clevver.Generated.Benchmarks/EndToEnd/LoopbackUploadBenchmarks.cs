using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Clevver.Emulator;

namespace Clevver.Generated.Benchmarks.EndToEnd;

/// <summary>
/// Uploads a 64 MiB file to an emulator on 127.0.0.1, by the client's <c>UploadAsync</c> and by
/// <c>curl -F</c>, each into a new batch.
/// </summary>
/// <remarks>
/// The emulator runs in this process, so the Allocated column of both rows includes the server's
/// allocations, and both rows share the CPU with it. curl runs as a child process, so its row
/// includes the process start (a few milliseconds) but not its allocations.
/// </remarks>
public class LoopbackUploadBenchmarks
{
    private const int FileSize = 64 * 1024 * 1024;

    private EmulatorHost _host = null!;
    private ClevverClient _client = null!;
    private string _directory = "";
    private string _path = "";
    private Guid _batchId;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _directory = Directory.CreateTempSubdirectory("clevver-benchmarks-").FullName;
        _path = Path.Combine(_directory, "upload.bin");
        var data = new byte[FileSize];
        new Random(42).NextBytes(data);
        await File.WriteAllBytesAsync(_path, data);

        _host = await EmulatorHost.StartAsync(new EmulatorOptions());
        _client = new ClevverClient(new ClevverClientOptions { BaseAddress = _host.BaseAddress, Token = _host.Token });
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [IterationSetup]
    public void CreateBatch()
    {
        // Each upload goes into a new batch, so that the files stored by one iteration can be
        // deleted after it without touching another's.
        _batchId = _client.Batches.CreateAsync().GetAwaiter().GetResult().Data.Id;
    }

    [IterationCleanup]
    public void DeleteStoredFiles()
    {
        // Without this, every iteration would leave 64 MiB in the emulator's data directory.
        var batchDirectory = Path.Combine(_host.DataDirectory, _batchId.ToString());
        if (Directory.Exists(batchDirectory))
        {
            Directory.Delete(batchDirectory, recursive: true);
        }
    }

    [Benchmark(Baseline = true, Description = "curl -F")]
    public async Task<int> UploadWithCurl()
    {
        var start = new ProcessStartInfo("curl")
        {
            ArgumentList =
            {
                "-s", "-o", "/dev/null", "--fail",
                "-H", "Authorization: Bearer " + _host.Token,
                "-F", "file=@" + _path,
                new Uri(_host.BaseAddress, $"batches/{_batchId}/files").AbsoluteUri,
            },
            UseShellExecute = false,
        };
        using var curl = Process.Start(start) ?? throw new InvalidOperationException("curl could not be started. Install curl and put it on the PATH.");
        await curl.WaitForExitAsync();
        if (curl.ExitCode != 0)
        {
            throw new InvalidOperationException($"curl failed with exit code {curl.ExitCode} while uploading into batch {_batchId}.");
        }

        return curl.ExitCode;
    }

    [Benchmark(Description = "Client UploadAsync")]
    public Task<UploadResult> UploadWithClient() => _client.Batches.UploadAsync(_batchId, _path);
}
