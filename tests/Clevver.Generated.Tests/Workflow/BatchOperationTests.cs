using Clevver.Generated.Tests.Support;

namespace Clevver.Generated.Tests.Workflow;

public class BatchOperationTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Create_NewBatch_IsCreatedWithMessage()
    {
        using var client = emulator.CreateClient();

        var response = await client.Batches.CreateAsync();

        Assert.NotEqual(Guid.Empty, response.Data.Id);
        Assert.Equal(BatchStatus.Created, response.Data.Status);
        Assert.Equal(0, response.Data.Progress);
        Assert.Equal("Batch created successfully", response.Data.Message);
        Assert.InRange(response.Data.CreatedAtUtc, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5));
    }

    [Fact]
    public async Task Get_CreatedBatch_ReturnsIt()
    {
        using var client = emulator.CreateClient();
        var created = await client.Batches.CreateAsync();

        var response = await client.Batches.GetAsync(created.Data.Id);

        Assert.Equal(created.Data.Id, response.Data.Id);
        Assert.Equal(BatchStatus.Created, response.Data.Status);
        Assert.Null(response.Data.Message);
    }

    [Fact]
    public async Task Start_BatchWithFile_IsProcessing()
    {
        using var client = emulator.CreateClient(options => options.PollInterval = TimeSpan.FromMilliseconds(20));
        var created = await client.Batches.CreateAsync();
        await client.Batches.UploadAsync(created.Data.Id, new MemoryStream([1, 2, 3]), "a.bin");

        var started = await client.Batches.StartAsync(created.Data.Id);

        Assert.Equal(BatchStatus.Processing, started.Data.Status);
        Assert.Equal("Batch job started", started.Data.Message);
    }

    [Fact]
    public async Task ListActive_StartedBatch_IsListed()
    {
        await using var host = await Clevver.Emulator.EmulatorHost.StartAsync(new Clevver.Emulator.EmulatorOptions { DeliveryTime = TimeSpan.FromHours(1) });
        using var client = new ClevverClient(new ClevverClientOptions { BaseAddress = host.BaseAddress, Token = host.Token });
        var idle = await client.Batches.CreateAsync();
        var started = await client.Batches.CreateAsync();
        await client.Batches.UploadAsync(started.Data.Id, new MemoryStream([1]), "a.bin");
        await client.Batches.StartAsync(started.Data.Id);

        var response = await client.Batches.ListActiveAsync();

        var ids = response.Data.Select(batch => batch.Id).ToList();
        Assert.Contains(started.Data.Id, ids);
        Assert.DoesNotContain(idle.Data.Id, ids);
    }

    [Fact]
    public async Task Get_UnknownBatch_Raises404()
    {
        using var client = emulator.CreateClient();

        var exception = await Assert.ThrowsAnyAsync<ClevverApiException>(() => client.Batches.GetAsync(Guid.NewGuid()));

        Assert.Equal(404, exception.StatusCode);
        Assert.False(string.IsNullOrEmpty(exception.Response));
    }

    [Fact]
    public async Task Start_EmptyBatch_Raises422WithServerMessage()
    {
        using var client = emulator.CreateClient();
        var created = await client.Batches.CreateAsync();

        var exception = await Assert.ThrowsAsync<ClevverApiException<ErrorResponse>>(() => client.Batches.StartAsync(created.Data.Id));

        Assert.Equal(422, exception.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(exception.Result.Message));
        Assert.NotEmpty(exception.Headers);
    }

    [Fact]
    public async Task MissingToken_RaisesBeforeAnyRequest()
    {
        var options = new ClevverClientOptions { BaseAddress = emulator.Host.BaseAddress };

        var exception = Assert.Throws<ClevverConfigurationException>(() => new ClevverClient(options));

        Assert.Equal(nameof(ClevverClientOptions.Token), exception.OptionName);
        Assert.Contains("CLEVVER_TOKEN", exception.Message);
    }

    [Fact]
    public async Task WrongToken_Raises401WithoutEchoingToken()
    {
        const string Token = "wrong-token-5f1c2b";
        using var client = emulator.CreateClient(options => options.Token = Token);

        var exception = await Assert.ThrowsAnyAsync<ClevverApiException>(() => client.Batches.CreateAsync());

        Assert.Equal(401, exception.StatusCode);
        Assert.DoesNotContain(Token, exception.ToString());
    }

    [Fact]
    public async Task BareHttpClient_WithoutOptions_SendsNoAuthorization()
    {
        using var httpClient = new HttpClient { BaseAddress = emulator.Host.BaseAddress };
        var client = new BatchesClient(httpClient);

        var exception = await Assert.ThrowsAnyAsync<ClevverApiException>(() => client.CreateAsync());

        Assert.Equal(401, exception.StatusCode);
    }

    [Fact]
    public async Task InjectedHttpClient_IsNotDisposed()
    {
        using var httpClient = new HttpClient();
        var options = new ClevverClientOptions { BaseAddress = emulator.Host.BaseAddress, Token = emulator.Host.Token };
        var client = new BatchesClient(httpClient, options);
        await client.CreateAsync();

        var response = await client.CreateAsync();

        Assert.Equal(BatchStatus.Created, response.Data.Status);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task BaseAddress_WithOrWithoutTrailingSlash_Works(bool trailingSlash)
    {
        var text = emulator.Host.BaseAddress.ToString().TrimEnd('/') + (trailingSlash ? "/" : string.Empty);
        using var client = emulator.CreateClient(options => options.BaseAddress = new Uri(text));

        var response = await client.Batches.CreateAsync();

        Assert.Equal(BatchStatus.Created, response.Data.Status);
    }

    [Fact]
    public void BaseAddress_InsecureRemoteHttp_IsRejected()
    {
        var options = new ClevverClientOptions { BaseAddress = new Uri("http://clevver.example/api"), Token = "t" };

        var exception = Assert.Throws<ClevverConfigurationException>(options.Validate);

        Assert.Equal(nameof(ClevverClientOptions.BaseAddress), exception.OptionName);
    }

    [Fact]
    public void Options_ToString_DoesNotContainToken()
    {
        var options = new ClevverClientOptions { Token = "secret-token-value" };

        var text = options.ToString();

        Assert.DoesNotContain("secret-token-value", text);
    }
}

public class TokenValidationTests
{
    [Theory]
    [InlineData("tök€n")]
    [InlineData("two words")]
    [InlineData("tab\there")]
    public void Token_OutsideVisibleAscii_IsRejected(string token)
    {
        var options = new ClevverClientOptions { BaseAddress = new Uri("http://127.0.0.1:9/api"), Token = token };

        var exception = Assert.Throws<ClevverConfigurationException>(options.Validate);

        Assert.Equal(nameof(ClevverClientOptions.Token), exception.OptionName);
        Assert.DoesNotContain(token, exception.Message);
    }
}

public class TimeLimitValidationTests
{
    [Theory]
    [InlineData(nameof(ClevverClientOptions.RequestTimeout))]
    [InlineData(nameof(ClevverClientOptions.UploadTimeout))]
    [InlineData(nameof(ClevverClientOptions.DeliveryTimeout))]
    [InlineData(nameof(ClevverClientOptions.MaxPollInterval))]
    public void TimeLimit_OverMaximum_IsRejectedNamingOption(string option)
    {
        var options = new ClevverClientOptions { BaseAddress = new Uri("http://127.0.0.1:9/api"), Token = "t" };
        typeof(ClevverClientOptions).GetProperty(option)!.SetValue(options, TimeSpan.FromDays(50));

        var exception = Assert.Throws<ClevverConfigurationException>(options.Validate);

        Assert.Equal(option, exception.OptionName);
        Assert.Contains("maximum", exception.Message);
    }

    [Fact]
    public void DeliveryTimeout_AtMaximum_IsAccepted()
    {
        var options = new ClevverClientOptions
        {
            BaseAddress = new Uri("http://127.0.0.1:9/api"),
            Token = "t",
            DeliveryTimeout = TimeSpan.FromMilliseconds(int.MaxValue),
        };

        var exception = Record.Exception(options.Validate);

        Assert.Null(exception);
    }
}
