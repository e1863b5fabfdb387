using System.Globalization;
using Clevver.Emulator.Errors;

namespace Clevver.Emulator.Limits;

/// <summary>
/// Rejects a request whose header fields together exceed <see cref="EmulatorSettings.MaxRequestHeadersTotalSize"/>
/// with 431 and the error body.
/// </summary>
/// <remarks>
/// Kestrel enforces its own MaxRequestHeadersTotalSize while it parses a request, before any
/// middleware runs, and then sends a 431 without a body. So Kestrel's limit is set to twice the
/// configured one (see <see cref="GetKestrelLimit"/>), and this middleware enforces the configured
/// limit with the contract's error body.
/// NOTE: a request beyond twice the limit still gets Kestrel's 431 without a body.
/// </remarks>
internal sealed class HeaderSizeMiddleware(RequestDelegate next, EmulatorSettings settings)
{
    /// <summary>Returns the limit for Kestrel, which must stay above the one this middleware enforces.</summary>
    public static int GetKestrelLimit(int maxRequestHeadersTotalSize) =>
        maxRequestHeadersTotalSize > int.MaxValue / 2 ? int.MaxValue : maxRequestHeadersTotalSize * 2;

    public async Task InvokeAsync(HttpContext context)
    {
        long size = MeasureHeaders(context.Request.Headers);
        if (size > settings.MaxRequestHeadersTotalSize)
        {
            string message = string.Create(
                CultureInfo.InvariantCulture,
                $"The request header fields total {size} bytes, more than the maximum of {settings.MaxRequestHeadersTotalSize} bytes. Send fewer or shorter header fields.");
            await ApiErrors.WriteAsync(context, StatusCodes.Status431RequestHeaderFieldsTooLarge, message);
            return;
        }

        await next(context);
    }

    /// <summary>Returns the size of the header lines as <c>name: value CRLF</c>, one line per value, in characters.</summary>
    private static long MeasureHeaders(IHeaderDictionary headers)
    {
        long size = 0;
        foreach (KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues> header in headers)
        {
            foreach (string? value in header.Value)
            {
                size += header.Key.Length + ": ".Length + (value?.Length ?? 0) + "\r\n".Length;
            }
        }

        return size;
    }
}
