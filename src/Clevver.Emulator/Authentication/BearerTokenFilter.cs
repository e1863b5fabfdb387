using System.Security.Cryptography;
using System.Text;
using Clevver.Emulator.Errors;

namespace Clevver.Emulator.Authentication;

/// <summary>
/// Rejects a request with 401 unless it sends <c>Authorization: Bearer &lt;token&gt;</c> with the
/// emulator's token (RFC 6750, section 2.1).
/// </summary>
internal sealed class BearerTokenFilter : IEndpointFilter
{
    private const string Scheme = "Bearer";

    // The token is kept only as a SHA-256 hash. Comparing hashes of equal length in constant time
    // reveals neither the token's characters nor its length through the response time.
    private readonly byte[] _expectedHash;

    public BearerTokenFilter(string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);

        _expectedHash = SHA256.HashData(Encoding.UTF8.GetBytes(token));
    }

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        HttpContext httpContext = context.HttpContext;
        string? failure = Authenticate(httpContext.Request.Headers.Authorization.ToString());
        if (failure is null)
        {
            return await next(context);
        }

        httpContext.Response.Headers.WWWAuthenticate = Scheme;
        return ApiErrors.Unauthorized(httpContext, failure);
    }

    /// <summary>Checks an Authorization header value and returns why it fails, or null when it passes.</summary>
    private string? Authenticate(string authorization)
    {
        if (authorization.Length == 0)
        {
            return "The Authorization header is missing. Send 'Authorization: Bearer <token>' with the emulator's token.";
        }

        // The scheme is case-insensitive (RFC 9110, section 11.1) and one space separates it from the token.
        if (!authorization.StartsWith(Scheme + " ", StringComparison.OrdinalIgnoreCase))
        {
            return "The Authorization header does not use the Bearer scheme. Send 'Authorization: Bearer <token>'.";
        }

        string token = authorization[(Scheme.Length + 1)..].Trim();
        byte[] actualHash = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        if (!CryptographicOperations.FixedTimeEquals(actualHash, _expectedHash))
        {
            return "The bearer token is invalid. Use the token that the emulator printed at start.";
        }

        return null;
    }
}
