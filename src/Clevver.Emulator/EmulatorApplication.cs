using System.Net;
using Clevver.Emulator.Authentication;
using Clevver.Emulator.Batches;
using Clevver.Emulator.Contract;
using Clevver.Emulator.Errors;
using Clevver.Emulator.Faults;
using Clevver.Emulator.Limits;
using Clevver.Emulator.Persistence;
using Clevver.Emulator.Uploads;

namespace Clevver.Emulator;

/// <summary>Builds the web application of the emulator: Kestrel, services and routes.</summary>
internal static class EmulatorApplication
{
    // Room for the multipart framing around the file: boundaries, part headers and small form
    // fields. MultipartReader limits each part's headers to 16 KiB.
    private const long MultipartOverhead = 1024 * 1024;

    public static WebApplication Build(EmulatorSettings settings, EmulatorFaults faults, int port, Action<ILoggingBuilder>? configureLogging)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(faults);

        // The empty builder reads no appsettings.json and no environment variables, so an embedded
        // emulator does not pick up the configuration of the program that hosts it.
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(EmulatorApplication).Assembly.GetName().Name,
        });

        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port);
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = settings.MaxFileSize > long.MaxValue - MultipartOverhead
                ? null
                : settings.MaxFileSize + MultipartOverhead;
            kestrel.Limits.MaxRequestHeadersTotalSize = HeaderSizeMiddleware.GetKestrelLimit(settings.MaxRequestHeadersTotalSize);
        });

        builder.Services.AddLogging(logging => configureLogging?.Invoke(logging));
        builder.Services.AddRoutingCore();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, EmulatorJsonContext.Default));

        // The default console lifetime would take over Ctrl+C from the program that embeds the emulator.
        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();

        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(faults);
        builder.Services.AddSingleton<MetadataFiles>();
        builder.Services.AddSingleton<BatchStore>();
        builder.Services.AddSingleton<AssetFiles>();
        builder.Services.AddSingleton<MultipartFileReceiver>();

        WebApplication app = builder.Build();
        app.UseMiddleware<ErrorBodyMiddleware>();
        app.UseMiddleware<HeaderSizeMiddleware>();
        app.UseRouting();
        app.UseMiddleware<FaultMiddleware>();

        RouteGroupBuilder api = app.MapGroup("/api").AddEndpointFilter(new BearerTokenFilter(settings.Token));
        api.MapBatches();
        api.MapUploads();

        return app;
    }

    /// <summary>A host lifetime that leaves console signals to the program, because the owner stops the host.</summary>
    private sealed class EmbeddedHostLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
