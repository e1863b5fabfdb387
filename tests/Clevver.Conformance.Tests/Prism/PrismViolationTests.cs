using Clevver.Conformance.Tests.Drift;
using Clevver.Conformance.Tests.Support;
using Clevver.Emulator;
using Clevver.Generated;

namespace Clevver.Conformance.Tests.Prism;

/// <summary>
/// The emulator behind a proxy that changes each batch's status to a value outside the contract's
/// enum, with <c>prism proxy --errors</c> in front. It shows that the proxy tests notice a violation.
/// </summary>
public sealed class PrismViolationFixture : IAsyncLifetime
{
    private EmulatorHost? _emulator;
    private RewritingProxy? _rewriter;
    private PrismProcess? _prism;

    public PrismProcess Prism => _prism ?? throw new InvalidOperationException("Prism has not started.");

    public ClevverClient CreateClient() => new(new ClevverClientOptions { BaseAddress = Prism.BaseAddress, Token = _emulator!.Token });

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorHost.StartAsync(new EmulatorOptions());
        _rewriter = await RewritingProxy.StartAsync(_emulator.BaseAddress);
        _prism = await PrismProcess.StartProxyAsync(_rewriter.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        if (_prism is not null)
        {
            await _prism.DisposeAsync();
        }

        if (_rewriter is not null)
        {
            await _rewriter.DisposeAsync();
        }

        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }
}

public class PrismViolationTests(PrismViolationFixture fixture) : IClassFixture<PrismViolationFixture>
{
    [Fact]
    public async Task Create_UnknownStatus_IsViolation()
    {
        using var client = fixture.CreateClient();
        var outputMark = fixture.Prism.Output.Count;

        var exception = await Assert.ThrowsAnyAsync<ClevverApiException>(() => client.Batches.CreateAsync());

        Assert.Equal(500, exception.StatusCode);
        Assert.Contains(PrismProcess.PrismErrorType + "VIOLATIONS", exception.Response ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains("data.status", exception.Response ?? string.Empty, StringComparison.Ordinal);
        await AssertEventuallyLoggedAsync(outputMark);
    }

    /// <summary>Waits for Prism's log line about the violation, which it may write after the response.</summary>
    private async Task AssertEventuallyLoggedAsync(int outputMark)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!fixture.Prism.Output.Skip(outputMark).Any(PrismProcess.IsViolation) && !timeout.IsCancellationRequested)
        {
            await Task.Delay(50, CancellationToken.None);
        }

        Assert.Contains(fixture.Prism.Output.Skip(outputMark), PrismProcess.IsViolation);
    }
}
