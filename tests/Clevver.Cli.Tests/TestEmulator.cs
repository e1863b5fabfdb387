using System.Net;
using System.Net.Sockets;
using Clevver.Emulator;

namespace Clevver.Cli.Tests;

/// <summary>An emulator that the tests start themselves, shared by the tests of one class.</summary>
public sealed class TestEmulator : IAsyncLifetime
{
    private EmulatorHost? _host;

    public EmulatorHost Host => _host ?? throw new InvalidOperationException("The emulator has not started.");

    /// <summary>The environment that points the CLI at this emulator with its token.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["CLEVVER_API_URL"] = Host.BaseAddress.ToString(),
        ["CLEVVER_TOKEN"] = Host.Token,
    };

    public async Task InitializeAsync()
    {
        _host = await EmulatorHost.StartAsync(new EmulatorOptions { DeliveryTime = TimeSpan.FromSeconds(3) });
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    /// <summary>Returns the base URL of a 127.0.0.1 port that nothing listens on.</summary>
    public static string ClosedPortUrl()
    {
        // The system picks a free port; once the listener stops, connections to it are refused.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}/api";
    }
}
