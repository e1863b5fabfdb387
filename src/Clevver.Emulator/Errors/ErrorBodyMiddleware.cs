using Clevver.Emulator.Contract;
using Microsoft.AspNetCore.WebUtilities;

namespace Clevver.Emulator.Errors;

/// <summary>
/// Gives every error status the <c>ErrorResponse</c> body, including those that no endpoint wrote
/// (an unknown path, a wrong method) and unhandled exceptions, which become 500.
/// </summary>
internal sealed class ErrorBodyMiddleware(RequestDelegate next, ILoggerFactory loggerFactory)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger(ApiErrors.LoggerCategory);

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception exception) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            Log.UnhandledException(_logger, context.Request.Method, context.Request.Path.Value ?? "/", exception);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await WriteErrorAsync(context, "The emulator failed to handle the request. Its log contains the exception.");
            return;
        }

        bool hasBody = context.Response.HasStarted || context.Response.ContentLength > 0 || context.Response.ContentType is not null;
        if (context.Response.StatusCode >= 400 && !hasBody)
        {
            string message = DescribeStatus(context);
            ApiErrors.LogError(context, context.Response.StatusCode, message);
            await WriteErrorAsync(context, message);
        }
    }

    private static string DescribeStatus(HttpContext context) => context.Response.StatusCode switch
    {
        StatusCodes.Status404NotFound => $"No route matches {context.Request.Path}. The API lives under /api/batches.",
        StatusCodes.Status405MethodNotAllowed => $"The route {context.Request.Path} does not accept {context.Request.Method}.",
        _ => $"The request failed with status {context.Response.StatusCode} ({ReasonPhrases.GetReasonPhrase(context.Response.StatusCode)}).",
    };

    private static Task WriteErrorAsync(HttpContext context, string message) =>
        context.Response.WriteAsJsonAsync(new ErrorResponse(message), EmulatorJsonContext.Default.ErrorResponse, contentType: "application/json; charset=utf-8");
}
