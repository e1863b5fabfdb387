using System.Text.Json;

namespace Clevver.Cli.Tests;

public sealed class StoreTests : IDisposable
{
    private readonly TempFiles _files = new();

    [Fact]
    public async Task Store_WithEmulator_PrintsFileSha256()
    {
        var path = _files.Create("photo.bin", 1_700_000);

        var result = await CliProcess.RunAsync(["store", "--emulator", path]);

        Assert.Equal(0, result.ExitCode);
        var fields = result.OutputLines[0].Split("  ", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("photo.bin", fields[0]);
        Assert.Equal("1.7 MB", fields[1]);
        Assert.Equal(TempFiles.Sha256Of(path), fields[2]);
        Assert.True(Guid.TryParse(fields[3], out _), $"'{fields[3]}' is not an asset id.");
    }

    [Fact]
    public async Task Store_WithEmulator_EndsWithDeliveredBatch()
    {
        var path = _files.Create("a.txt", 300);

        var result = await CliProcess.RunAsync(["store", "--emulator", "--quiet", path]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, result.OutputLines.Length);
        Assert.Matches("^batch [0-9a-f-]{36} delivered$", result.OutputLines[1]);
        Assert.Empty(result.Error);
    }

    [Fact]
    public async Task Store_Redirected_WritesProgressLines()
    {
        var path = _files.Create("a.txt", 300);

        var result = await CliProcess.RunAsync(["store", "--emulator", path]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("creating a batch", result.ErrorLines[0]);
        Assert.Contains(result.ErrorLines, line => line.StartsWith("uploading a.txt (300 B) into batch ", StringComparison.Ordinal));
        Assert.EndsWith(": delivered 100%", result.ErrorLines[^1]);
    }

    [Fact]
    public async Task Store_Json_MatchesFiles()
    {
        var first = _files.Create("first.bin", 4096);
        var second = _files.Create("second.bin", 10);

        var result = await CliProcess.RunAsync(["store", "--emulator", "--json", "--quiet", first, second]);

        Assert.Equal(0, result.ExitCode);
        using var document = JsonDocument.Parse(result.Output);
        var batch = document.RootElement.GetProperty("batch");
        Assert.True(Guid.TryParse(batch.GetProperty("id").GetString(), out _));
        Assert.Equal("delivered", batch.GetProperty("status").GetString());
        Assert.Equal(100, batch.GetProperty("progress").GetDouble());
        Assert.True(DateTimeOffset.TryParse(batch.GetProperty("created_at").GetString(), out _));
        var files = document.RootElement.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(2, files.Count);
        Assert.Equal("second.bin", files[1].GetProperty("name").GetString());
        Assert.Equal(second, files[1].GetProperty("path").GetString());
        Assert.Equal(10, files[1].GetProperty("size").GetInt64());
        Assert.Equal(TempFiles.Sha256Of(second), files[1].GetProperty("sha256").GetString());
        Assert.True(Guid.TryParse(files[1].GetProperty("asset_id").GetString(), out _));
    }

    [Fact]
    public async Task Store_MissingFile_ExitsWithUsageError()
    {
        var path = Path.Combine(_files.DirectoryPath, "missing.bin");

        var result = await CliProcess.RunAsync(["store", "--emulator", path]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"error: the file '{path}' does not exist. Check the path.", Assert.Single(result.ErrorLines));
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task Store_Directory_ExitsWithUsageError()
    {
        var result = await CliProcess.RunAsync(["store", "--emulator", _files.DirectoryPath]);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"error: '{_files.DirectoryPath}' is a directory.", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task Store_NoFiles_ExitsWithUsageError()
    {
        var result = await CliProcess.RunAsync(["store", "--emulator"]);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: ", Assert.Single(result.ErrorLines));
    }

    public void Dispose() => _files.Dispose();
}
