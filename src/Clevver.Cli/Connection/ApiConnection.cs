using Clevver.Cli.Errors;
using Clevver.Emulator;
using Clevver.Generated;

namespace Clevver.Cli.Connection;

/// <summary>
/// A client for one command, pointed at the API or at an in-process emulator that lives as long as
/// the connection.
/// </summary>
internal sealed class ApiConnection : IAsyncDisposable
{
    private readonly EmulatorHost? _emulator;

    private ApiConnection(ClevverClient client, Uri baseAddress, string token, EmulatorHost? emulator)
    {
        Client = client;
        BaseAddress = baseAddress;
        Token = token;
        _emulator = emulator;
    }

    /// <summary>The API client.</summary>
    public ClevverClient Client { get; }

    /// <summary>The base address requests go to, with a trailing slash.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The bearer token, for commands that send raw HTTP requests. Never print it.</summary>
    public string Token { get; }

    /// <summary>
    /// Opens a connection: starts the emulator for <see cref="ConnectionSettings.UseEmulator"/>, else
    /// reads the API URL and the token. No request is sent.
    /// </summary>
    /// <exception cref="UsageException">The URL or the token is missing or invalid.</exception>
    public static async Task<ApiConnection> OpenAsync(ConnectionSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);

        if (settings.UseEmulator)
        {
            if (settings.ApiUrl is not null)
            {
                throw new UsageException("--emulator and --api-url cannot be used together. Pass only one of them.");
            }

            return await OpenEmulatorAsync(settings, cancellationToken);
        }

        var (url, source) = ReadApiUrl(settings);
        var token = ReadToken();
        var options = new ClevverClientOptions { BaseAddress = url, Token = token };
        ApplyDeliveryTimeout(options, settings);
        var client = CreateClient(options, url, source);
        return new ApiConnection(client, options.GetNormalizedBaseAddress(), token, emulator: null);
    }

    /// <summary>Closes the client and stops the emulator, if one was started.</summary>
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }

    private static async Task<ApiConnection> OpenEmulatorAsync(ConnectionSettings settings, CancellationToken cancellationToken)
    {
        // Port 0 picks a free loopback port, and a null token makes the emulator create a random one.
        var emulatorOptions = new EmulatorOptions { Port = 0, Token = null, DeliveryTime = ConnectionSettings.EmulatorDeliveryTime };
        EmulatorHost emulator;
        try
        {
            emulator = await EmulatorHost.StartAsync(emulatorOptions, cancellationToken);
        }
        catch (IOException exception)
        {
            // An IOException here is about the emulator's port or data directory, not the user's files.
            throw new EmulatorStartException($"the emulator failed to start: {exception.Message}", exception);
        }

        try
        {
            var options = new ClevverClientOptions
            {
                BaseAddress = emulator.BaseAddress,
                Token = emulator.Token,
                PollInterval = ConnectionSettings.EmulatorPollInterval,
                MaxPollInterval = ConnectionSettings.EmulatorMaxPollInterval,
            };
            ApplyDeliveryTimeout(options, settings);
            var client = new ClevverClient(options);
            return new ApiConnection(client, options.GetNormalizedBaseAddress(), emulator.Token, emulator);
        }
        catch
        {
            await emulator.DisposeAsync();
            throw;
        }
    }

    private static (Uri Url, string Source) ReadApiUrl(ConnectionSettings settings)
    {
        var (text, source) = settings.ApiUrl is not null
            ? (settings.ApiUrl, "--api-url")
            : (Environment.GetEnvironmentVariable(ConnectionSettings.ApiUrlVariable), ConnectionSettings.ApiUrlVariable);
        if (string.IsNullOrWhiteSpace(text))
        {
            if (settings.ApiUrl is not null)
            {
                throw new UsageException("--api-url is empty. Pass an absolute URL such as https://clevver.org/api.");
            }

            return (ClevverClientOptions.ProductionBaseAddress, "the default");
        }

        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw new UsageException($"the API URL '{text}' from {source} is invalid. Pass an absolute http:// or https:// URL such as https://clevver.org/api.");
        }

        return (url, source);
    }

    private static string ReadToken()
    {
        var token = Environment.GetEnvironmentVariable(ConnectionSettings.TokenVariable);
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new UsageException(
                $"{ConnectionSettings.TokenVariable} is not set. Set it to your Clevver API token, or pass --emulator to use a local emulator.");
        }

        return token;
    }

    private static void ApplyDeliveryTimeout(ClevverClientOptions options, ConnectionSettings settings)
    {
        if (settings.DeliveryTimeout is TimeSpan deliveryTimeout)
        {
            options.DeliveryTimeout = deliveryTimeout;
        }
    }

    private static ClevverClient CreateClient(ClevverClientOptions options, Uri url, string source)
    {
        try
        {
            return new ClevverClient(options);
        }
        catch (ClevverConfigurationException exception) when (exception.OptionName == nameof(ClevverClientOptions.Token))
        {
            // The client's message names its own option; the user sets the environment variable.
            throw new UsageException($"{ConnectionSettings.TokenVariable} is invalid: {exception.Message}");
        }
        catch (ClevverConfigurationException exception) when (exception.OptionName == nameof(ClevverClientOptions.BaseAddress))
        {
            throw new UsageException($"the API URL '{url}' from {source} is not accepted: {exception.Message}");
        }
    }
}
