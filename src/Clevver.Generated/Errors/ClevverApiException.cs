namespace Clevver.Generated;

/// <summary>
/// The server returned an error status, or with a body that breaks the contract. It keeps the
/// status code, the headers and the whole body (<see cref="Response"/>), and never the API token.
/// </summary>
public partial class ClevverApiException
{
    /// <summary>
    /// The server's own description of the error, taken from a JSON <c>message</c>, a problem+json
    /// <c>detail</c> or <c>title</c>, the title of an HTML page, or the first line of a text body.
    /// Null when the body has none.
    /// </summary>
    public string? ServerMessage { get; internal set; }

    /// <summary>The method and path of the failed request, for example <c>POST /api/batches</c>.</summary>
    public string? RequestLine { get; internal set; }
}
