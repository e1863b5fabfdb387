using Clevver.Generated.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Clevver.Generated.Tests.DependencyInjection;

public class AddClevverClientTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task DefaultClient_FromConfiguration_StoresFile()
    {
        using var files = new TempFiles();
        var path = files.Create("report.bin", 4096);
        using var host = BuildHost(ClientSection("Clevver"));
        await host.StartAsync();

        var result = await host.Services.GetRequiredService<IBatchesClient>().StoreAsync([path]);

        Assert.Equal(TempFiles.Sha256Of(path), result.Files[0].Upload.Sha256);
        Assert.True(result.Batch.IsDelivered);
        await host.StopAsync();
    }

    [Fact]
    public void DefaultClient_ConcreteType_IsRegistered()
    {
        using var host = BuildHost(ClientSection("Clevver"));

        var client = host.Services.GetRequiredService<BatchesClient>();

        Assert.NotNull(client);
    }

    [Fact]
    public void Options_FromSection_AreBound()
    {
        var settings = ClientSection("Clevver");
        settings["Clevver:RequestTimeout"] = "00:00:42";
        settings["Clevver:DeliveryTimeout"] = "00:10:00";
        using var host = BuildHost(settings);

        var options = host.Services.GetRequiredService<IOptionsMonitor<ClevverClientOptions>>().CurrentValue;

        Assert.Equal(emulator.Host.BaseAddress, options.BaseAddress);
        Assert.Equal(emulator.Host.Token, options.Token);
        Assert.Equal(TimeSpan.FromSeconds(42), options.RequestTimeout);
        Assert.Equal(TimeSpan.FromMinutes(10), options.DeliveryTimeout);
    }

    [Fact]
    public void EnvironmentVariables_OverrideSection()
    {
        var environment = new FakeEnvironment
        {
            ["CLEVVER_TOKEN"] = "token-from-environment",
            ["CLEVVER_API_URL"] = "https://archive.example.test/api",
        };
        using var host = BuildHost(ClientSection("Clevver"), environment);

        var options = host.Services.GetRequiredService<IOptionsMonitor<ClevverClientOptions>>().CurrentValue;

        Assert.Equal("token-from-environment", options.Token);
        Assert.Equal(new Uri("https://archive.example.test/api"), options.BaseAddress);
    }

    [Fact]
    public void ConfigureDelegate_OverridesEnvironment()
    {
        var environment = new FakeEnvironment { ["CLEVVER_TOKEN"] = "token-from-environment" };
        using var host = BuildHost(ClientSection("Clevver"), environment, services => services.AddClevverClient(options => options.Token = "token-from-code"));

        var options = host.Services.GetRequiredService<IOptionsMonitor<ClevverClientOptions>>().CurrentValue;

        Assert.Equal("token-from-code", options.Token);
    }

    [Fact]
    public async Task Start_WithoutToken_FailsNamingOption()
    {
        var settings = new Dictionary<string, string?> { ["Clevver:BaseAddress"] = "https://clevver.org/api" };
        using var host = BuildHost(settings);

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("The default Clevver client has an invalid Token", exception.Message);
        Assert.Contains("CLEVVER_TOKEN", exception.Message);
    }

    [Fact]
    public async Task Start_NamedClientWithPlainHttp_FailsNamingClient()
    {
        var settings = ClientSection("Clevver");
        settings["Clevver:archive:BaseAddress"] = "http://archive.example.test/api";
        settings["Clevver:archive:Token"] = "archive-token";
        using var host = BuildHost(settings, configureServices: services => services.AddClevverClient().Services.AddClevverClient("archive"));

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("The Clevver client 'archive' has an invalid BaseAddress", exception.Message);
    }

    [Fact]
    public async Task NamedClients_UseTheirOwnAccounts()
    {
        await using var archive = await Clevver.Emulator.EmulatorHost.StartAsync(new Clevver.Emulator.EmulatorOptions());
        var settings = ClientSection("Clevver");
        settings["Clevver:archive:BaseAddress"] = archive.BaseAddress.ToString();
        settings["Clevver:archive:Token"] = archive.Token;
        using var host = BuildHost(settings, configureServices: services => services.AddClevverClient().Services.AddClevverClient("archive"));
        await host.StartAsync();
        var defaultClient = host.Services.GetRequiredService<IBatchesClient>();
        var archiveClient = host.Services.GetRequiredKeyedService<IBatchesClient>("archive");

        var inArchive = await archiveClient.CreateAsync();

        var error = await Assert.ThrowsAnyAsync<ClevverApiException>(() => defaultClient.GetAsync(inArchive.Data.Id));
        Assert.Equal(404, error.StatusCode);
        Assert.Equal(inArchive.Data.Id, (await archiveClient.GetAsync(inArchive.Data.Id)).Data.Id);
        await host.StopAsync();
    }

    [Fact]
    public async Task RegisteredClient_TimesOutLikeClevverClient()
    {
        // The emulator delays every list request by a minute, so the 200 ms limit passes first
        // however loaded the machine is.
        await using var slow = await Clevver.Emulator.EmulatorHost.StartAsync(new Clevver.Emulator.EmulatorOptions
        {
            Faults = { new Clevver.Emulator.FaultRule { Route = Clevver.Emulator.FaultRoute.List, Kind = Clevver.Emulator.FaultKind.SlowResponse, Delay = TimeSpan.FromMinutes(1) } },
        });
        var settings = new Dictionary<string, string?>
        {
            ["Clevver:BaseAddress"] = slow.BaseAddress.ToString(),
            ["Clevver:Token"] = slow.Token,
            ["Clevver:RequestTimeout"] = "00:00:00.200",
        };
        using var host = BuildHost(settings);

        var exception = await Assert.ThrowsAsync<ClevverTimeoutException>(() => host.Services.GetRequiredService<IBatchesClient>().ListActiveAsync());

        Assert.Contains("RequestTimeout", exception.Message);
    }

    private Dictionary<string, string?> ClientSection(string section) => new()
    {
        [$"{section}:BaseAddress"] = emulator.Host.BaseAddress.ToString(),
        [$"{section}:Token"] = emulator.Host.Token,
        [$"{section}:PollInterval"] = "00:00:00.050",
        [$"{section}:MaxPollInterval"] = "00:00:00.200",
    };

    private static IHost BuildHost(
        Dictionary<string, string?> settings,
        FakeEnvironment? environment = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<ClevverEnvironment>(environment ?? new FakeEnvironment());
        if (configureServices is null)
        {
            builder.Services.AddClevverClient();
        }
        else
        {
            configureServices(builder.Services);
        }

        return builder.Build();
    }

    /// <summary>Environment variables from a dictionary, so that the test process's own CLEVVER_* variables never apply.</summary>
    private sealed class FakeEnvironment : ClevverEnvironment
    {
        private readonly Dictionary<string, string> _variables = [];

        public string this[string name]
        {
            set => _variables[name] = value;
        }

        public override string? Get(string name) => _variables.GetValueOrDefault(name);
    }
}
