using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Clevver.Conformance.Tests.Drift;

/// <summary>
/// A reverse proxy on 127.0.0.1 that forwards every request to an upstream server and rewrites each
/// successful JSON response: every batch or asset under <c>data</c> gets the field
/// <c>archived_at</c>, and its <c>status</c> becomes <c>archived</c>. It plays a server whose
/// responses drifted from the contract.
/// </summary>
public sealed class RewritingProxy : IAsyncDisposable
{
    public const string AddedField = "archived_at";

    public const string ChangedStatus = "archived";

    private readonly WebApplication _app;
    private readonly HttpClient _upstream;

    private RewritingProxy(WebApplication app, HttpClient upstream, Uri baseAddress)
    {
        _app = app;
        _upstream = upstream;
        BaseAddress = baseAddress;
    }

    /// <summary>The proxy's base address: the upstream's path on the proxy's origin.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Starts a proxy in front of the server at <paramref name="upstreamOrigin"/>.</summary>
    public static async Task<RewritingProxy> StartAsync(Uri upstreamBaseAddress)
    {
        var upstream = new HttpClient { BaseAddress = new Uri(upstreamBaseAddress.GetLeftPart(UriPartial.Authority)) };
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(context => ForwardAsync(context, upstream));
        await app.StartAsync();

        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        var port = new Uri(addresses.Addresses.Single()).Port;
        return new RewritingProxy(app, upstream, new Uri($"http://127.0.0.1:{port}{upstreamBaseAddress.AbsolutePath}"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _upstream.Dispose();
    }

    private static async Task ForwardAsync(HttpContext context, HttpClient upstream)
    {
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), context.Request.Path + context.Request.QueryString);
        if (context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            request.Content = new StreamContent(context.Request.Body);
            if (context.Request.ContentType is { } contentType)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        if (context.Request.Headers.Authorization.Count > 0)
        {
            request.Headers.TryAddWithoutValidation("Authorization", context.Request.Headers.Authorization.ToString());
        }

        using var response = await upstream.SendAsync(request, context.RequestAborted);
        var body = await response.Content.ReadAsStringAsync(context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
        await context.Response.WriteAsync(response.IsSuccessStatusCode ? Rewrite(body) : body, context.RequestAborted);
    }

    private static string Rewrite(string body)
    {
        if (JsonNode.Parse(body) is not JsonObject document)
        {
            return body;
        }

        var items = document["data"] switch
        {
            JsonArray array => array.OfType<JsonObject>().ToList(),
            JsonObject item => [item],
            _ => [],
        };
        foreach (var item in items)
        {
            item[AddedField] = "2024-01-01 00:00:00";
            item["status"] = ChangedStatus;
        }

        return document.ToJsonString();
    }
}
