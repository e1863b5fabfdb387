using Clevver.Emulator.Contract;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clevver.Emulator.Errors;

/// <summary>
/// Creates the <c>ErrorResponse</c> results of the API and logs each one with its status and reason.
/// </summary>
internal static class ApiErrors
{
    /// <summary>The logger category of error responses.</summary>
    public const string LoggerCategory = "Clevver.Emulator.Errors";

    public static BadRequest<ErrorResponse> BadRequest(HttpContext context, string message)
    {
        LogError(context, StatusCodes.Status400BadRequest, message);
        return TypedResults.BadRequest(new ErrorResponse(message));
    }

    public static JsonHttpResult<ErrorResponse> Unauthorized(HttpContext context, string message)
    {
        LogError(context, StatusCodes.Status401Unauthorized, message);
        return TypedResults.Json(new ErrorResponse(message), statusCode: StatusCodes.Status401Unauthorized);
    }

    public static NotFound<ErrorResponse> NotFound(HttpContext context, string message)
    {
        LogError(context, StatusCodes.Status404NotFound, message);
        return TypedResults.NotFound(new ErrorResponse(message));
    }

    public static JsonHttpResult<ErrorResponse> PayloadTooLarge(HttpContext context, string message)
    {
        LogError(context, StatusCodes.Status413PayloadTooLarge, message);
        return TypedResults.Json(new ErrorResponse(message), statusCode: StatusCodes.Status413PayloadTooLarge);
    }

    public static UnprocessableEntity<ErrorResponse> UnprocessableEntity(HttpContext context, string message)
    {
        LogError(context, StatusCodes.Status422UnprocessableEntity, message);
        return TypedResults.UnprocessableEntity(new ErrorResponse(message));
    }

    /// <summary>Returns the 404 result for a path segment that is not the id of a batch.</summary>
    public static NotFound<ErrorResponse> BatchNotFound(HttpContext context, string batchId) =>
        NotFound(context, Guid.TryParse(batchId, out _)
            ? $"No batch has the id '{batchId}'."
            : $"No batch has the id '{batchId}': a batch id is a UUID such as 5c893d75-2a8b-4712-b56f-89377ac97681.");

    /// <summary>Logs an error and writes its status and body, for middleware that responds without an endpoint.</summary>
    public static Task WriteAsync(HttpContext context, int statusCode, string message)
    {
        LogError(context, statusCode, message);
        context.Response.StatusCode = statusCode;
        return context.Response.WriteAsJsonAsync(new ErrorResponse(message), EmulatorJsonContext.Default.ErrorResponse, contentType: "application/json; charset=utf-8");
    }

    /// <summary>Logs an error response that is about to be sent.</summary>
    public static void LogError(HttpContext context, int statusCode, string reason)
    {
        ILogger logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(LoggerCategory);
        Log.ErrorReturned(logger, context.Request.Method, context.Request.Path.Value ?? "/", statusCode, reason);
    }
}
