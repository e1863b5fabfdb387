using System.CommandLine;
using Clevver.Cli.Connection;

namespace Clevver.Cli.CommandLine;

/// <summary>What a command's action needs: its parsed values, its output and its connection settings.</summary>
internal sealed class CommandContext(ParseResult parseResult, SharedOptions options, CancellationToken cancellationToken)
{
    public ParseResult ParseResult { get; } = parseResult;

    /// <summary>Standard output, for the command's result.</summary>
    public TextWriter Output { get; } = Console.Out;

    /// <summary>True with <c>--json</c>.</summary>
    public bool Json => ParseResult.GetValue(options.Json);

    /// <summary>The request in flight, named in error messages.</summary>
    public RequestTracker Requests { get; } = new();

    /// <summary>Cancelled by Ctrl+C.</summary>
    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>Opens the connection that <c>--api-url</c>, <c>--emulator</c> and the environment select.</summary>
    /// <param name="deliveryTimeout">The maximum wait for a batch's delivery, or null for the client's default.</param>
    public async Task<ApiConnection> ConnectAsync(TimeSpan? deliveryTimeout = null)
    {
        var settings = new ConnectionSettings(ParseResult.GetValue(options.ApiUrl), ParseResult.GetValue(options.Emulator), deliveryTimeout);
        var connection = await ApiConnection.OpenAsync(settings, CancellationToken);
        Requests.SetBaseAddress(connection.BaseAddress);
        return connection;
    }
}
