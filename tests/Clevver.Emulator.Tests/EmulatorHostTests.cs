using System.Net;

namespace Clevver.Emulator.Tests;

public sealed class EmulatorHostTests
{
    [Fact]
    public async Task BaseAddress_IsLoopbackApiWithSlash()
    {
        await using EmulatorHost host = await EmulatorHost.StartAsync(new EmulatorOptions());

        Assert.Equal("http", host.BaseAddress.Scheme);
        Assert.Equal("127.0.0.1", host.BaseAddress.Host);
        Assert.NotEqual(0, host.BaseAddress.Port);
        Assert.Equal("/api/", host.BaseAddress.AbsolutePath);
    }

    [Fact]
    public async Task Token_Default_IsRandom()
    {
        await using EmulatorHost first = await EmulatorHost.StartAsync(new EmulatorOptions());
        await using EmulatorHost second = await EmulatorHost.StartAsync(new EmulatorOptions());

        Assert.True(first.Token.Length >= 32, $"Token length was {first.Token.Length}.");
        Assert.NotEqual(first.Token, second.Token);
    }

    [Fact]
    public async Task Token_Given_IsUsed()
    {
        await using EmulatorHost host = await EmulatorHost.StartAsync(new EmulatorOptions { Token = "my-token" });

        Assert.Equal("my-token", host.Token);
    }

    [Fact]
    public async Task Dispose_DefaultDataDirectory_Deleted()
    {
        EmulatorHost host = await EmulatorHost.StartAsync(new EmulatorOptions());
        string dataDirectory = host.DataDirectory;
        bool existedWhileRunning = Directory.Exists(dataDirectory);

        await host.DisposeAsync();

        Assert.True(existedWhileRunning);
        Assert.False(Directory.Exists(dataDirectory));
    }

    [Fact]
    public async Task Dispose_GivenDataDirectory_Kept()
    {
        DirectoryInfo parent = Directory.CreateTempSubdirectory("clevver-emulator-test-");
        try
        {
            string dataDirectory = Path.Combine(parent.FullName, "data");
            EmulatorHost host = await EmulatorHost.StartAsync(new EmulatorOptions { DataDirectory = dataDirectory });
            string reported = host.DataDirectory;

            await host.DisposeAsync();

            Assert.Equal(dataDirectory, reported);
            Assert.True(Directory.Exists(dataDirectory));
        }
        finally
        {
            parent.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Dispose_StopsListening()
    {
        EmulatorHost host = await EmulatorHost.StartAsync(new EmulatorOptions());
        using HttpClient client = new() { BaseAddress = host.BaseAddress };

        await host.DisposeAsync();

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("batches"));
    }

    [Fact]
    public async Task Dispose_Twice_NoThrow()
    {
        EmulatorHost host = await EmulatorHost.StartAsync(new EmulatorOptions());
        await host.DisposeAsync();

        Exception? exception = await Record.ExceptionAsync(async () => await host.DisposeAsync());

        Assert.Null(exception);
    }

    [Fact]
    public async Task Port_InUse_Throws()
    {
        await using EmulatorHost first = await EmulatorHost.StartAsync(new EmulatorOptions());

        await Assert.ThrowsAnyAsync<IOException>(() => EmulatorHost.StartAsync(new EmulatorOptions { Port = first.BaseAddress.Port }));
    }

    [Fact]
    public async Task Port_Given_IsUsed()
    {
        int port = GetFreePort();

        await using EmulatorHost host = await EmulatorHost.StartAsync(new EmulatorOptions { Port = port });

        Assert.Equal(port, host.BaseAddress.Port);
    }

    public static TheoryData<string, EmulatorOptions> InvalidOptions => new()
    {
        { "Port", new EmulatorOptions { Port = -1 } },
        { "Port", new EmulatorOptions { Port = 65536 } },
        { "Token", new EmulatorOptions { Token = "" } },
        { "Token", new EmulatorOptions { Token = "has space" } },
        { "DataDirectory", new EmulatorOptions { DataDirectory = " " } },
        { "DeliveryTime", new EmulatorOptions { DeliveryTime = TimeSpan.Zero } },
        { "MaxFileSize", new EmulatorOptions { MaxFileSize = 0 } },
        { "TimeProvider", new EmulatorOptions { TimeProvider = null! } },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public async Task Options_Invalid_ThrowsNamingOption(string optionName, EmulatorOptions options)
    {
        ArgumentException exception = await Assert.ThrowsAnyAsync<ArgumentException>(() => EmulatorHost.StartAsync(options));

        Assert.Equal(optionName, exception.ParamName);
    }

    [Fact]
    public void Options_Defaults_AreDocumentedValues()
    {
        EmulatorOptions options = new();

        Assert.Equal(0, options.Port);
        Assert.Null(options.Token);
        Assert.Null(options.DataDirectory);
        Assert.Equal(TimeSpan.FromSeconds(10), options.DeliveryTime);
        Assert.Equal(2L * 1024 * 1024 * 1024, options.MaxFileSize);
        Assert.Same(TimeProvider.System, options.TimeProvider);
    }

    private static int GetFreePort()
    {
        using System.Net.Sockets.TcpListener listener = new(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
