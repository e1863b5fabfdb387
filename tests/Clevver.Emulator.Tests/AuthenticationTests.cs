using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Clevver.Emulator.Tests;

public sealed class AuthenticationTests
{
    public static TheoryData<string, string> Routes => new()
    {
        { "GET", "batches" },
        { "POST", "batches" },
        { "GET", "batches/5c893d75-2a8b-4712-b56f-89377ac97681" },
        { "POST", "batches/5c893d75-2a8b-4712-b56f-89377ac97681/start" },
        { "POST", "batches/5c893d75-2a8b-4712-b56f-89377ac97681/files" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Route_NoToken_Returns401(string method, string relativeUri)
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        using HttpRequestMessage request = new(new HttpMethod(method), relativeUri);
        emulator.Client.DefaultRequestHeaders.Authorization = null;

        using HttpResponseMessage response = await emulator.Client.SendAsync(request);
        JsonElement body = await TestEmulator.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("error", body.GetProperty("status").GetString());
        Assert.Contains("Authorization header is missing", body.GetProperty("message").GetString());
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Route_WrongToken_Returns401(string method, string relativeUri)
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync(new EmulatorOptions { Token = "right-token" });
        emulator.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "wrong-token");

        using HttpRequestMessage request = new(new HttpMethod(method), relativeUri);
        using HttpResponseMessage response = await emulator.Client.SendAsync(request);
        JsonElement body = await TestEmulator.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("error", body.GetProperty("status").GetString());
        Assert.Contains("invalid", body.GetProperty("message").GetString());
        Assert.DoesNotContain("right-token", body.GetProperty("message").GetString());
        Assert.DoesNotContain("wrong-token", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Token_OtherScheme_Returns401()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        emulator.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", emulator.Host.Token);

        using HttpResponseMessage response = await emulator.Client.GetAsync("batches");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    [Fact]
    public async Task Token_PrefixOfRightToken_Returns401()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync(new EmulatorOptions { Token = "abcdef" });
        emulator.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "abc");

        using HttpResponseMessage response = await emulator.Client.GetAsync("batches");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Token_LowercaseScheme_Accepted()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync(new EmulatorOptions { Token = "abcdef" });
        emulator.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("bearer", "abcdef");

        using HttpResponseMessage response = await emulator.Client.GetAsync("batches");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
