using Clevver.Conformance.Tests.Support;
using Clevver.Emulator;
using Clevver.Generated;

namespace Clevver.Conformance.Tests.Prism;

/// <summary>One <c>prism mock</c> that answers with the contract's examples, shared by the tests of a class.</summary>
public sealed class PrismMockFixture : IAsyncLifetime
{
    private PrismProcess? _prism;

    public PrismProcess Prism => _prism ?? throw new InvalidOperationException("Prism has not started.");

    /// <summary>Any token passes: the mock checks only that a bearer token is present.</summary>
    public ClevverClient CreateClient() => new(new ClevverClientOptions { BaseAddress = Prism.BaseAddress, Token = "conformance-token" });

    public async Task InitializeAsync() => _prism = await PrismProcess.StartMockAsync(dynamic: false);

    public async Task DisposeAsync()
    {
        if (_prism is not null)
        {
            await _prism.DisposeAsync();
        }
    }
}

/// <summary>One <c>prism mock --dynamic</c> that generates random valid bodies, shared by the tests of a class.</summary>
public sealed class PrismDynamicMockFixture : IAsyncLifetime
{
    private PrismProcess? _prism;

    public PrismProcess Prism => _prism ?? throw new InvalidOperationException("Prism has not started.");

    public ClevverClient CreateClient() => new(new ClevverClientOptions { BaseAddress = Prism.BaseAddress, Token = "conformance-token" });

    public async Task InitializeAsync() => _prism = await PrismProcess.StartMockAsync(dynamic: true);

    public async Task DisposeAsync()
    {
        if (_prism is not null)
        {
            await _prism.DisposeAsync();
        }
    }
}

/// <summary>An emulator with a validating <c>prism proxy --errors</c> in front of it, shared by the tests of a class.</summary>
public sealed class PrismProxyFixture : IAsyncLifetime
{
    private EmulatorHost? _emulator;
    private PrismProcess? _prism;

    public EmulatorHost Emulator => _emulator ?? throw new InvalidOperationException("The emulator has not started.");

    public PrismProcess Prism => _prism ?? throw new InvalidOperationException("Prism has not started.");

    /// <summary>Creates a client that sends its requests through Prism.</summary>
    /// <param name="token">The bearer token, by default the emulator's.</param>
    public ClevverClient CreateClient(string? token = null) => new(new ClevverClientOptions
    {
        BaseAddress = Prism.BaseAddress,
        Token = token ?? Emulator.Token,
        PollInterval = TimeSpan.FromMilliseconds(100),
        MaxPollInterval = TimeSpan.FromMilliseconds(250),
    });

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorHost.StartAsync(new EmulatorOptions { DeliveryTime = TimeSpan.FromSeconds(1) });

        // The contract's paths start below its server URL's /api, and Prism appends a request's
        // path to the upstream URL, so the upstream is the emulator's /api base.
        _prism = await PrismProcess.StartProxyAsync(_emulator.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        if (_prism is not null)
        {
            await _prism.DisposeAsync();
        }

        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }
}
