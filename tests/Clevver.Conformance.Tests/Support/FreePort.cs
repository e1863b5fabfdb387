using System.Net;
using System.Net.Sockets;

namespace Clevver.Conformance.Tests.Support;

/// <summary>Free TCP ports on 127.0.0.1 for child processes that take a port number.</summary>
internal static class FreePort
{
    /// <summary>Returns a port that was free a moment ago. Another process may take it before the caller binds it.</summary>
    public static int Next()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
