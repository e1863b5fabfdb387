using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Clevver.Generated;

public partial class BatchesClient
{
    /// <summary>The logger category of the poll and checksum events, <c>Clevver.Generated.BatchesClient</c>.</summary>
    internal const string LoggerCategory = "Clevver.Generated.BatchesClient";

    private ILogger? _logger;

    /// <summary>The logger of <see cref="ClevverClientOptions.LoggerFactory"/>, or none for a client created without options.</summary>
    private ILogger Logger => _logger ??= _options?.LoggerFactory?.CreateLogger(LoggerCategory) ?? NullLogger.Instance;
}
