using System.Net.Http.Headers;

namespace Clevver.Generated;

/// <summary>
/// The client of the Batches operations: create a batch, upload files into it, start it and watch it
/// until it is delivered. The operations come from the OpenAPI contract; this part adds settings and
/// authentication.
/// </summary>
public partial class BatchesClient
{
    private ClevverClientOptions? _options;

    /// <summary>
    /// Creates a client that sends the token from <paramref name="options"/> with every request and
    /// uses its polling settings. The client never disposes <paramref name="httpClient"/>.
    /// </summary>
    /// <param name="httpClient">The HTTP client. Its base address is replaced by the options' base address when it has none.</param>
    /// <param name="options">The settings. They are validated here and copied, so later changes have no effect.</param>
    /// <exception cref="ClevverConfigurationException">A setting is missing or invalid.</exception>
    public BatchesClient(HttpClient httpClient, ClevverClientOptions options)
        : this(httpClient)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);

        options.Validate();
        _options = options.Clone();
        httpClient.BaseAddress ??= _options.GetNormalizedBaseAddress();
    }

    private protected ClevverClientOptions Options => _options ??= new ClevverClientOptions();

    partial void ProcessResponse(HttpClient client, HttpResponseMessage response)
    {
        // Every error status is turned into one exception here, before the generated status
        // handling, so that the exception keeps the whole body whatever its content type.
        if (!response.IsSuccessStatusCode)
        {
            throw ErrorResponseReader.CreateException(response);
        }
    }

    partial void PrepareRequest(HttpClient client, HttpRequestMessage request, string url)
    {
        ReplaceUploadContent(request);
        if (_options is null)
        {
            // Created from a bare HttpClient: authentication is the HttpClient's own business.
            return;
        }

        if (string.IsNullOrWhiteSpace(_options.Token))
        {
            throw new ClevverConfigurationException(
                nameof(ClevverClientOptions.Token),
                "The API token is missing. Set ClevverClientOptions.Token; AddClevverClient and the clevver tool read it from CLEVVER_TOKEN.");
        }

        request.Headers.Authorization = new AuthenticationHeaderValue(_options.AuthenticationScheme, _options.Token);
        if (client.BaseAddress is null && !request.RequestUri!.IsAbsoluteUri)
        {
            request.RequestUri = new Uri(_options.GetNormalizedBaseAddress(), request.RequestUri);
        }
    }
}
