using System.Text.Json;
using Clevver.Cli.Tests;
using Clevver.Emulator;
using Clevver.Generated;

namespace Clevver.Conformance.Tests.Drift;

/// <summary>An emulator with one active batch, and a proxy in front of it whose responses drifted.</summary>
public sealed class DriftFixture : IAsyncLifetime
{
    private EmulatorHost? _emulator;
    private RewritingProxy? _proxy;

    public EmulatorHost Emulator => _emulator ?? throw new InvalidOperationException("The emulator has not started.");

    public RewritingProxy Proxy => _proxy ?? throw new InvalidOperationException("The proxy has not started.");

    /// <summary>The batch that stays active, so that the probe also gets one batch.</summary>
    public Guid ActiveBatchId { get; private set; }

    public IReadOnlyDictionary<string, string> Token => new Dictionary<string, string> { ["CLEVVER_TOKEN"] = Emulator.Token };

    public async Task InitializeAsync()
    {
        // The long delivery time keeps the started batch in the list of active batches during the tests.
        _emulator = await EmulatorHost.StartAsync(new EmulatorOptions { DeliveryTime = TimeSpan.FromHours(1) });
        using var client = new ClevverClient(new ClevverClientOptions { BaseAddress = _emulator.BaseAddress, Token = _emulator.Token });
        var created = await client.Batches.CreateAsync();
        await client.Batches.UploadAsync(created.Data.Id, new MemoryStream([1, 2, 3]), "seed.bin");
        await client.Batches.StartAsync(created.Data.Id);
        ActiveBatchId = created.Data.Id;

        _proxy = await RewritingProxy.StartAsync(_emulator.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        if (_proxy is not null)
        {
            await _proxy.DisposeAsync();
        }

        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }
}

public class DriftCommandTests(DriftFixture fixture) : IClassFixture<DriftFixture>
{
    // The emulator must serve exactly the contract: this names each difference and the way out.
    private static string EmulatorDriftMessage(CliResult result) =>
        $"clevver drift found the emulator's responses differ from api/clevver.openapi.yaml (exit code {result.ExitCode}):\n" +
        $"{result.Output}{result.Error}\n" +
        "Make the emulator (src/Clevver.Emulator/Contract) match the contract, or change the contract first and run the contract diff.";

    [Fact]
    public async Task Drift_Emulator_ExitsZero()
    {
        var result = await CliProcess.RunAsync(["drift", "--api-url", fixture.Emulator.BaseAddress.ToString()], fixture.Token);

        Assert.True(result.ExitCode == 0, EmulatorDriftMessage(result));
        Assert.Equal("no drift: 2 response(s) match the contract.", Assert.Single(result.OutputLines));
        Assert.Empty(result.Error);
    }

    [Fact]
    public async Task DriftWrite_Emulator_ExitsZero()
    {
        var result = await CliProcess.RunAsync(["drift", "--emulator", "--write", "--json"]);

        using var document = JsonDocument.Parse(result.Output);
        var requests = document.RootElement.GetProperty("requests").EnumerateArray().Select(request => request.GetString()).ToList();
        Assert.True(result.ExitCode == 0, EmulatorDriftMessage(result));
        Assert.False(document.RootElement.GetProperty("drift").GetBoolean());
        Assert.Equal(0, document.RootElement.GetProperty("findings").GetArrayLength());
        Assert.Equal(5, requests.Count);
        Assert.Contains(requests, request => request!.StartsWith("POST /api/batches/", StringComparison.Ordinal) && request.EndsWith("/files", StringComparison.Ordinal));
        Assert.Contains(requests, request => request!.StartsWith("POST /api/batches/", StringComparison.Ordinal) && request.EndsWith("/start", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Drift_ReadOnly_CreatesNoBatch()
    {
        using var client = new ClevverClient(new ClevverClientOptions { BaseAddress = fixture.Emulator.BaseAddress, Token = fixture.Emulator.Token });
        var before = (await client.Batches.ListActiveAsync()).Data.Select(batch => batch.Id).ToList();

        var result = await CliProcess.RunAsync(["drift", "--api-url", fixture.Emulator.BaseAddress.ToString()], fixture.Token);

        var after = (await client.Batches.ListActiveAsync()).Data.Select(batch => batch.Id).ToList();
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Drift_RewrittenResponses_Exits7()
    {
        var result = await CliProcess.RunAsync(["drift", "--api-url", fixture.Proxy.BaseAddress.ToString()], fixture.Token);

        Assert.Equal(7, result.ExitCode);
        Assert.Contains(result.OutputLines, line => line.StartsWith("unknown-field  GET /api/batches  $.data[0].archived_at  ", StringComparison.Ordinal));
        Assert.Contains(result.OutputLines, line => line.StartsWith("unknown-enum-value  GET /api/batches  $.data[0].status  ", StringComparison.Ordinal));
        Assert.Contains(result.OutputLines, line => line.StartsWith($"unknown-field  GET /api/batches/{fixture.ActiveBatchId}  $.data.archived_at  ", StringComparison.Ordinal));
        Assert.Contains(result.OutputLines, line => line.StartsWith($"unknown-enum-value  GET /api/batches/{fixture.ActiveBatchId}  $.data.status  ", StringComparison.Ordinal));
        Assert.Equal(4, result.OutputLines.Length);
        Assert.StartsWith("error: the server's responses differ from the contract in 4 place(s)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DriftJson_RewrittenResponses_ListsFindings()
    {
        var result = await CliProcess.RunAsync(["drift", "--json", "--api-url", fixture.Proxy.BaseAddress.ToString()], fixture.Token);

        using var document = JsonDocument.Parse(result.Output);
        var findings = document.RootElement.GetProperty("findings").EnumerateArray()
            .Select(finding => (Kind: finding.GetProperty("kind").GetString(), Path: finding.GetProperty("path").GetString(), Message: finding.GetProperty("message").GetString()))
            .ToList();
        Assert.Equal(7, result.ExitCode);
        Assert.True(document.RootElement.GetProperty("drift").GetBoolean());
        Assert.Contains(findings, finding => finding is { Kind: "unknown-field", Path: "$.data.archived_at" } && finding.Message!.Contains("'archived_at'", StringComparison.Ordinal));
        Assert.Contains(findings, finding => finding is { Kind: "unknown-enum-value", Path: "$.data.status" } && finding.Message!.Contains("\"archived\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Drift_WrongToken_ExitsWithApiError()
    {
        var environment = new Dictionary<string, string> { ["CLEVVER_TOKEN"] = "not-the-emulator-token" };

        var result = await CliProcess.RunAsync(["drift", "--api-url", fixture.Emulator.BaseAddress.ToString()], environment);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("GET /api/batches with 401", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drift_WithoutToken_ExitsWithUsageError()
    {
        var result = await CliProcess.RunAsync(["drift", "--api-url", fixture.Emulator.BaseAddress.ToString()]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("CLEVVER_TOKEN is not set", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ListsDriftExitCode()
    {
        var result = await CliProcess.RunAsync(["--help"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(result.OutputLines, line => line.StartsWith("7 ", StringComparison.Ordinal) && line.Contains("differs from the contract", StringComparison.Ordinal));
    }
}
