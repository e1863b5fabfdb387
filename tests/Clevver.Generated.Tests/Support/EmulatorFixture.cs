using Clevver.Emulator;

namespace Clevver.Generated.Tests.Support;

/// <summary>One emulator on a free loopback port, shared by the tests of a class.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    private EmulatorHost? _host;

    public EmulatorHost Host => _host ?? throw new InvalidOperationException("The emulator has not started.");

    public async Task InitializeAsync()
    {
        _host = await EmulatorHost.StartAsync(new EmulatorOptions { DeliveryTime = TimeSpan.FromSeconds(1) });
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    public ClevverClient CreateClient(Action<ClevverClientOptions>? configure = null)
    {
        var options = new ClevverClientOptions
        {
            BaseAddress = Host.BaseAddress,
            Token = Host.Token,
            PollInterval = TimeSpan.FromMilliseconds(50),
            MaxPollInterval = TimeSpan.FromMilliseconds(200),
        };
        configure?.Invoke(options);
        return new ClevverClient(options);
    }
}
