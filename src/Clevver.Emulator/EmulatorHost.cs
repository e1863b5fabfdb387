using System.Buffers.Text;
using System.Security.Cryptography;
using Clevver.Emulator.Batches;
using Clevver.Emulator.Persistence;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace Clevver.Emulator;

/// <summary>
/// A running emulator of the Clevver Batches API on 127.0.0.1. Start one with
/// <see cref="StartAsync"/> and dispose it to stop Kestrel.
/// </summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    // How long DisposeAsync lets running requests finish before Kestrel closes their connections.
    private static readonly TimeSpan s_shutdownTimeout = TimeSpan.FromSeconds(5);

    private readonly WebApplication _app;
    private readonly bool _ownsDataDirectory;
    private readonly ILogger _logger;
    private int _disposed;

    private EmulatorHost(WebApplication app, Uri baseAddress, EmulatorSettings settings, bool ownsDataDirectory, EmulatorFaults faults)
    {
        _app = app;
        _ownsDataDirectory = ownsDataDirectory;
        _logger = app.Services.GetRequiredService<ILogger<EmulatorHost>>();
        BaseAddress = baseAddress;
        Token = settings.Token;
        DataDirectory = settings.DataDirectory;
        Faults = faults;
    }

    /// <summary>The base URL of the API with a trailing slash, for example <c>http://127.0.0.1:41234/api/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The bearer token that requests must send.</summary>
    public string Token { get; }

    /// <summary>The full path of the directory where uploaded files are stored.</summary>
    public string DataDirectory { get; }

    /// <summary>
    /// The fault rules and per-route request counters of this emulator. Rules from
    /// <see cref="EmulatorOptions.Faults"/> are already in it.
    /// </summary>
    public EmulatorFaults Faults { get; }

    /// <summary>The services of the web application, for tests that look behind the HTTP interface.</summary>
    internal IServiceProvider Services => _app.Services;

    /// <summary>The state of batches and assets, for tests that look behind the HTTP interface.</summary>
    internal BatchStore Store => _app.Services.GetRequiredService<BatchStore>();

    /// <summary>Starts an emulator and returns when it accepts connections.</summary>
    /// <exception cref="ArgumentException">An option is invalid; the message names it.</exception>
    /// <exception cref="IOException">The port is in use or the data directory cannot be created.</exception>
    public static async Task<EmulatorHost> StartAsync(EmulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        bool ownsDataDirectory = options.DataDirectory is null;
        string dataDirectory = ownsDataDirectory
            ? Directory.CreateTempSubdirectory("clevver-emulator-").FullName
            : Directory.CreateDirectory(Path.GetFullPath(options.DataDirectory!)).FullName;
        EmulatorSettings settings = new(
            options.Token ?? CreateToken(),
            dataDirectory,
            options.DeliveryTime,
            options.MaxFileSize,
            options.TimeProvider,
            options.MaxFilesPerBatch,
            options.MaxRequestHeadersTotalSize);

        EmulatorFaults faults = new();
        foreach (FaultRule rule in options.Faults)
        {
            faults.Add(rule);
        }

        WebApplication app = EmulatorApplication.Build(settings, faults, options.Port, options.ConfigureLogging);
        try
        {
            LoadState(app.Services);
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            if (ownsDataDirectory)
            {
                Directory.Delete(dataDirectory, recursive: true);
            }

            throw;
        }

        EmulatorHost host = new(app, GetBaseAddress(app), settings, ownsDataDirectory, faults);
        Log.EmulatorStarted(host._logger, host.BaseAddress, host.DataDirectory);
        return host;
    }

    /// <summary>
    /// Stops Kestrel, waiting up to 5 seconds for running requests, and deletes the data directory
    /// when the emulator created it. Calling it again does nothing.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            using CancellationTokenSource timeout = new(s_shutdownTimeout);
            await _app.StopAsync(timeout.Token);
            Log.EmulatorStopped(_logger);
        }
        finally
        {
            await _app.DisposeAsync();
            if (_ownsDataDirectory)
            {
                DeleteDataDirectory();
            }
        }
    }

    private void DeleteDataDirectory()
    {
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Log.DataDirectoryDeleteFailed(_logger, DataDirectory, exception);
        }
    }

    /// <summary>Deletes what an earlier emulator left incomplete and loads the batches it stored.</summary>
    private static void LoadState(IServiceProvider services)
    {
        MetadataFiles metadata = services.GetRequiredService<MetadataFiles>();
        metadata.DeleteIncompleteFiles();
        IReadOnlyList<LoadedBatch> loaded = metadata.LoadAll();
        services.GetRequiredService<BatchStore>().Load(loaded);

        EmulatorSettings settings = services.GetRequiredService<EmulatorSettings>();
        Log.StateLoaded(services.GetRequiredService<ILogger<EmulatorHost>>(), loaded.Count, loaded.Sum(batch => batch.Assets.Count), settings.DataDirectory);
    }

    private static string CreateToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    private static Uri GetBaseAddress(WebApplication app)
    {
        // With port 0, Kestrel picks the port, so it is read back from the bound address.
        IServerAddressesFeature addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        Uri listening = new(addresses.Addresses.Single());
        return new Uri($"http://127.0.0.1:{listening.Port}/api/");
    }
}
