using System.Net;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using Polly;

namespace Clevver.Generated;

/// <summary>
/// Sends each request through the retry pipeline of <see cref="ClevverResilience"/>, and reports a
/// repeated start that the server rejected as already done when the batch is in fact started.
/// </summary>
internal sealed class RetryHandler(ResiliencePipeline<HttpResponseMessage> pipeline, ILogger logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(ClevverResilience.RequestKey, request);
        try
        {
            var response = await pipeline.ExecuteAsync(
                static (attemptContext, state) => new ValueTask<HttpResponseMessage>(state.Handler.SendAttemptAsync(state.Request, attemptContext.CancellationToken)),
                context,
                (Handler: this, Request: request)).ConfigureAwait(false);

            if (response.StatusCode == HttpStatusCode.UnprocessableEntity
                && context.Properties.TryGetValue(ClevverResilience.StartMayHaveArrivedKey, out var mayHaveArrived) && mayHaveArrived)
            {
                return await ConfirmStartAsync(request, response, cancellationToken).ConfigureAwait(false);
            }

            return response;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private Task<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);

    /// <summary>
    /// Handles the 422 that a repeated start gets when an earlier attempt did start the batch: a GET
    /// of the batch that shows it processing or delivered replaces the 422, because both return the
    /// same batch document. Any other outcome keeps the 422.
    /// </summary>
    private async Task<HttpResponseMessage> ConfirmStartAsync(HttpRequestMessage start, HttpResponseMessage rejected, CancellationToken cancellationToken)
    {
        var startUri = start.RequestUri!;
        var batchUri = new Uri(startUri.GetLeftPart(UriPartial.Path)[..^"/start".Length]);
        using var get = new HttpRequestMessage(HttpMethod.Get, batchUri);
        get.Headers.Authorization = start.Headers.Authorization;
        get.Headers.Accept.ParseAdd("application/json");

        HttpResponseMessage batch;
        try
        {
            batch = await base.SendAsync(get, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (RetryRules.IsNetworkFailure(exception))
        {
            return rejected;
        }

        var status = batch.IsSuccessStatusCode ? await ReadBatchStatusAsync(batch, cancellationToken).ConfigureAwait(false) : null;
        if (status != BatchStatus.Processing.Value && status != BatchStatus.Delivered.Value)
        {
            batch.Dispose();
            return rejected;
        }

        ResilienceLog.StartConfirmed(logger, startUri.AbsolutePath, status!);
        rejected.Dispose();
        batch.RequestMessage = start;
        return batch;
    }

    private static async Task<string?> ReadBatchStatusAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            // The body is a small buffered batch document, and it is read again by the caller.
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return (string?)JObject.Parse(text).SelectToken("data.status");
        }
        catch (Exception exception) when (exception is Newtonsoft.Json.JsonException or InvalidCastException or HttpRequestException or IOException)
        {
            return null;
        }
    }
}
