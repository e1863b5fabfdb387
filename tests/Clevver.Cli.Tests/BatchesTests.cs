using System.Text.Json;

namespace Clevver.Cli.Tests;

public sealed class BatchesTests(TestEmulator emulator) : IClassFixture<TestEmulator>, IDisposable
{
    private readonly TempFiles _files = new();

    [Fact]
    public async Task Batches_StepByStep_StoresFile()
    {
        var path = _files.Create("step.bin", 2048);

        var created = await RunJsonAsync("batches", "create");
        var id = created.RootElement.GetProperty("id").GetString()!;
        var uploaded = await RunJsonAsync("batches", "upload", id, path);
        var beforeStart = await RunJsonAsync("batches", "get", id);
        var started = await RunJsonAsync("batches", "start", id);
        var listed = await RunJsonAsync("batches", "list");

        Assert.Equal("created", created.RootElement.GetProperty("status").GetString());
        Assert.Equal(TempFiles.Sha256Of(path), uploaded.RootElement.GetProperty("sha256").GetString());
        Assert.Equal(2048, uploaded.RootElement.GetProperty("size").GetInt64());
        Assert.Equal("step.bin", uploaded.RootElement.GetProperty("name").GetString());
        Assert.Equal(id, beforeStart.RootElement.GetProperty("id").GetString());
        Assert.Equal("created", beforeStart.RootElement.GetProperty("status").GetString());
        Assert.Equal(id, started.RootElement.GetProperty("id").GetString());
        Assert.Equal("processing", started.RootElement.GetProperty("status").GetString());
        Assert.Contains(listed.RootElement.EnumerateArray(), batch => batch.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task Batches_TextOutput_PrintsOneLinePerBatch()
    {
        var path = _files.Create("text.bin", 1500);
        var create = await CliProcess.RunAsync(["batches", "create"], emulator.Environment);
        var id = create.Output.Split("  ")[0];

        var upload = await CliProcess.RunAsync(["batches", "upload", id, path], emulator.Environment);
        var get = await CliProcess.RunAsync(["batches", "get", id], emulator.Environment);
        var start = await CliProcess.RunAsync(["batches", "start", id], emulator.Environment);
        var list = await CliProcess.RunAsync(["batches", "list"], emulator.Environment);

        Assert.Equal(0, create.ExitCode);
        Assert.Matches("^[0-9a-f-]{36}  created +  0%  \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC$", Assert.Single(create.OutputLines));
        Assert.Equal(0, upload.ExitCode);
        Assert.StartsWith($"text.bin  1.5 kB  {TempFiles.Sha256Of(path)}  ", Assert.Single(upload.OutputLines));
        Assert.Equal(0, get.ExitCode);
        Assert.StartsWith($"{id}  created", Assert.Single(get.OutputLines));
        Assert.Equal(0, start.ExitCode);
        Assert.StartsWith($"{id}  processing", Assert.Single(start.OutputLines));
        Assert.Equal(0, list.ExitCode);
        Assert.Contains(list.OutputLines, line => line.StartsWith(id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_EmptyBatch_ExitsWithApiError()
    {
        var created = await RunJsonAsync("batches", "create");
        var id = created.RootElement.GetProperty("id").GetString();

        var result = await CliProcess.RunAsync(["batches", "start", id!], emulator.Environment);

        Assert.Equal(3, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith($"error: the server rejected POST /api/batches/{id}/start with 422: ", line);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task Get_UnknownBatch_ExitsWithApiError()
    {
        var id = Guid.NewGuid();

        var result = await CliProcess.RunAsync(["batches", "get", id.ToString()], emulator.Environment);

        Assert.Equal(3, result.ExitCode);
        Assert.StartsWith($"error: the server rejected GET /api/batches/{id} with 404: ", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task Get_InvalidId_ExitsWithUsageError()
    {
        var result = await CliProcess.RunAsync(["batches", "get", "not-a-uuid"], emulator.Environment);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: 'not-a-uuid' is not a valid batch id.", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task Upload_MissingFile_ExitsWithUsageError()
    {
        var path = Path.Combine(_files.DirectoryPath, "missing.bin");

        var result = await CliProcess.RunAsync(["batches", "upload", Guid.NewGuid().ToString(), path], emulator.Environment);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"error: the file '{path}' does not exist. Check the path.", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task Store_AgainstStartedEmulator_PrintsFileSha256()
    {
        var path = _files.Create("own.bin", 70_000);

        var result = await CliProcess.RunAsync(["store", "--quiet", path], emulator.Environment);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"  {TempFiles.Sha256Of(path)}  ", result.OutputLines[0]);
    }

    [Fact]
    public async Task WrongToken_ExitsWithApiError()
    {
        var environment = new Dictionary<string, string>(emulator.Environment) { ["CLEVVER_TOKEN"] = "wrong-token" };

        var result = await CliProcess.RunAsync(["batches", "list"], environment);

        Assert.Equal(3, result.ExitCode);
        Assert.StartsWith("error: the server rejected GET /api/batches with 401: ", Assert.Single(result.ErrorLines));
    }

    public void Dispose() => _files.Dispose();

    private async Task<JsonDocument> RunJsonAsync(params string[] arguments)
    {
        var result = await CliProcess.RunAsync([.. arguments, "--json"], emulator.Environment);
        Assert.True(result.ExitCode == 0, $"clevver {string.Join(' ', arguments)} exited with {result.ExitCode}: {result.Error}");
        return JsonDocument.Parse(result.Output);
    }
}
