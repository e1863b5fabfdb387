using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Clevver.Generated;

/// <summary>
/// Builds the message handlers between a client's <see cref="HttpClient"/> and the network. Both
/// <see cref="ClevverClient"/> and the <c>AddClevverClient</c> registration use it, so that both send
/// requests through the same handlers in the same order.
/// </summary>
internal static class ClevverHttpPipeline
{
    /// <summary>
    /// Creates the handlers, outermost first: diagnostics (logs and spans), then time limits, then
    /// retries (<see cref="ClevverResilience.CreateHandler"/>), then buffering of response bodies,
    /// which makes a body cut off by the network a failure that the retry handler sees.
    /// </summary>
    /// <param name="options">The validated settings of one client. Its <see cref="ClevverClientOptions.LoggerFactory"/> creates the request logger.</param>
    public static IReadOnlyList<DelegatingHandler> CreateHandlers(ClevverClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        var logger = options.LoggerFactory?.CreateLogger(LoggerCategory) ?? NullLogger.Instance;
        return
        [
            new DiagnosticsHandler(logger, options.TimeProvider),
            new RequestTimeoutHandler(options),
            ClevverResilience.CreateHandler(options),
            new ResponseBufferingHandler(options.MaxResponseBodyBytes),
        ];
    }

    /// <summary>Creates the connection handler at the bottom of the pipeline.</summary>
    public static SocketsHttpHandler CreateTransport() => new()
    {
        // A pooled connection is replaced after this time, so that DNS changes are picked up.
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AutomaticDecompression = System.Net.DecompressionMethods.All,
    };

    /// <summary>Chains <paramref name="handlers"/> in order above <paramref name="transport"/> and returns the outermost one.</summary>
    public static HttpMessageHandler Chain(IReadOnlyList<DelegatingHandler> handlers, HttpMessageHandler transport)
    {
        var inner = transport;
        for (var index = handlers.Count - 1; index >= 0; index--)
        {
            handlers[index].InnerHandler = inner;
            inner = handlers[index];
        }

        return inner;
    }

    /// <summary>The logger category of the request events, <c>Clevver.Generated.Http</c>.</summary>
    public const string LoggerCategory = "Clevver.Generated.Http";
}
