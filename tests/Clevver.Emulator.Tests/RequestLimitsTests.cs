using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Clevver.Emulator.Tests;

public sealed class RequestLimitsTests
{
    [Fact]
    public async Task Upload_FullBatch_Returns422()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync(new EmulatorOptions { MaxFilesPerBatch = 2 });
        Guid batchId = await emulator.CreateBatchAsync();
        await emulator.UploadAssetAsync(batchId, [1], "a.bin");
        await emulator.UploadAssetAsync(batchId, [2], "b.bin");

        using HttpResponseMessage response = await emulator.UploadAsync(batchId, [3], "c.bin");
        JsonElement body = await TestEmulator.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("error", body.GetProperty("status").GetString());
        Assert.Contains("maximum of 2 files", body.GetProperty("message").GetString());
        Assert.Equal(2, emulator.Host.Store.GetAssets(batchId)!.Count);
        Assert.Equal(2, emulator.ListUploadedFiles().Count);
    }

    [Fact]
    public async Task Upload_ConcurrentIntoNearlyFullBatch_KeepsLimit()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync(new EmulatorOptions { MaxFilesPerBatch = 5 });
        Guid batchId = await emulator.CreateBatchAsync();

        HttpStatusCode[] statuses = await Task.WhenAll(Enumerable.Range(0, 20).Select(async index =>
        {
            using HttpResponseMessage response = await emulator.UploadAsync(batchId, [(byte)index], $"f{index}.bin");
            return response.StatusCode;
        }));

        Assert.Equal(5, statuses.Count(status => status == HttpStatusCode.OK));
        Assert.Equal(15, statuses.Count(status => status == HttpStatusCode.UnprocessableEntity));
        Assert.Equal(5, emulator.Host.Store.GetAssets(batchId)!.Count);
        Assert.Equal(5, emulator.ListUploadedFiles().Count);
    }

    [Fact]
    public async Task Headers_OverLimit_Returns431WithBody()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync(new EmulatorOptions { MaxRequestHeadersTotalSize = 2048 });
        using HttpRequestMessage request = new(HttpMethod.Get, "batches");
        request.Headers.Add("X-Padding", new string('a', 2500));

        using HttpResponseMessage response = await emulator.Client.SendAsync(request);
        JsonElement body = await TestEmulator.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
        Assert.Equal("error", body.GetProperty("status").GetString());
        Assert.Contains("2048 bytes", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Headers_UnderLimit_Accepted()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync(new EmulatorOptions { MaxRequestHeadersTotalSize = 2048 });
        using HttpRequestMessage request = new(HttpMethod.Get, "batches");
        request.Headers.Add("X-Padding", new string('a', 1500));

        using HttpResponseMessage response = await emulator.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Headers_FarOverLimit_Returns431()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync(new EmulatorOptions { MaxRequestHeadersTotalSize = 2048 });
        using HttpRequestMessage request = new(HttpMethod.Get, "batches");
        request.Headers.Add("X-Padding", new string('a', 10_000));

        using HttpResponseMessage response = await emulator.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData(0, 32 * 1024, "MaxFilesPerBatch")]
    [InlineData(10, 1023, "MaxRequestHeadersTotalSize")]
    public async Task Options_InvalidLimit_ThrowsNamingOption(int maxFiles, int maxHeaders, string optionName)
    {
        EmulatorOptions options = new() { MaxFilesPerBatch = maxFiles, MaxRequestHeadersTotalSize = maxHeaders };

        ArgumentException exception = await Assert.ThrowsAnyAsync<ArgumentException>(() => EmulatorHost.StartAsync(options));

        Assert.Equal(optionName, exception.ParamName);
    }

    [Fact]
    public async Task EveryEndpoint_NoToken_Returns401()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        emulator.Client.DefaultRequestHeaders.Authorization = null;
        List<RouteEndpoint> endpoints = emulator.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        List<string> accepted = [];
        foreach (RouteEndpoint endpoint in endpoints)
        {
            string path = string.Join('/', endpoint.RoutePattern.PathSegments.Select(segment => segment.IsSimple && segment.Parts[0].IsParameter
                ? Guid.NewGuid().ToString()
                : string.Concat(segment.Parts.OfType<Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart>().Select(part => part.Content))));
            foreach (string method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                using HttpRequestMessage request = new(new HttpMethod(method), new Uri(emulator.Host.BaseAddress, "/" + path));
                using HttpResponseMessage response = await emulator.Client.SendAsync(request);
                if (response.StatusCode != HttpStatusCode.Unauthorized)
                {
                    accepted.Add($"{method} /{path} returned {(int)response.StatusCode}");
                }
            }
        }

        Assert.Equal(5, endpoints.Count);
        Assert.Empty(accepted);
    }
}
