using System.Globalization;
using System.Text;
using Clevver.Emulator.Errors;

namespace Clevver.Emulator.Faults;

/// <summary>The API route of an endpoint, as endpoint metadata, so faults and counters can find it.</summary>
internal sealed record FaultRouteMetadata(FaultRoute Route);

/// <summary>
/// Counts each request of an API route and injects the fault that <see cref="EmulatorFaults"/>
/// selects for it. It runs after routing, which identifies the route, and before the endpoint
/// with its token check and body reading.
/// </summary>
internal sealed class FaultMiddleware(RequestDelegate next, EmulatorFaults faults, EmulatorSettings settings, ILogger<FaultMiddleware> logger)
{
    // RFC 9110, section 10.2.3: Retry-After is a date or a whole number of seconds. The 429 of the
    // contract always carries it, so a rule without a value sends this default.
    private static readonly TimeSpan s_defaultTooManyRequestsRetryAfter = TimeSpan.FromSeconds(1);

    public async Task InvokeAsync(HttpContext context)
    {
        FaultRouteMetadata? metadata = context.GetEndpoint()?.Metadata.GetMetadata<FaultRouteMetadata>();
        FaultRule? rule = metadata is null ? null : faults.Select(metadata.Route);
        if (rule is null)
        {
            await next(context);
            return;
        }

        string path = context.Request.Path.Value ?? "/";
        Log.FaultInjected(logger, rule.Kind, context.Request.Method, path);
        switch (rule.Kind)
        {
            case FaultKind.TooManyRequests:
                SetRetryAfter(context, rule.RetryAfter ?? s_defaultTooManyRequestsRetryAfter);
                await ApiErrors.WriteAsync(context, StatusCodes.Status429TooManyRequests, "Too many requests. Wait for the number of seconds in Retry-After and send the request again.");
                break;

            case FaultKind.InternalServerError:
                await ApiErrors.WriteAsync(context, StatusCodes.Status500InternalServerError, "The server failed to handle the request. This 500 comes from a fault rule of the emulator.");
                break;

            case FaultKind.ServiceUnavailable:
                if (rule.RetryAfter is { } retryAfter)
                {
                    SetRetryAfter(context, retryAfter);
                }

                await ApiErrors.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "The service is temporarily unavailable. Send the request again later.");
                break;

            case FaultKind.SlowResponse:
                await DelayThenHandleAsync(context, rule.Delay);
                break;

            case FaultKind.ConnectionReset:
                context.Abort();
                break;

            case FaultKind.TruncatedBody:
                await WriteTruncatedBodyAsync(context);
                break;
        }
    }

    private async Task DelayThenHandleAsync(HttpContext context, TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, settings.TimeProvider, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client closed the connection during the delay, so no response is sent.
            return;
        }

        await next(context);
    }

    /// <summary>Announces a whole JSON body, sends its first half and ends the response there.</summary>
    /// <remarks>
    /// Kestrel closes the connection when a response ends short of its Content-Length, after it has
    /// sent what was written, and logs the mismatch as an error. An explicit
    /// <see cref="HttpContext.Abort"/> here would race with that sending and could drop the headers.
    /// </remarks>
    private static async Task WriteTruncatedBodyAsync(HttpContext context)
    {
        byte[] body = Encoding.UTF8.GetBytes("{\"status\":\"success\",\"message\":\"The emulator cut this response short after half of its body.\"}");
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = body.Length;

        await context.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2), context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    private static void SetRetryAfter(HttpContext context, TimeSpan retryAfter) =>
        context.Response.Headers.RetryAfter = ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
