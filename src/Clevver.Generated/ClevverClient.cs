namespace Clevver.Generated;

/// <summary>
/// Entry point of the Clevver API: owns an <see cref="HttpClient"/> configured from
/// <see cref="ClevverClientOptions"/> and exposes the API's operations.
/// </summary>
/// <example>
/// <code>
/// using var clevver = new ClevverClient(new ClevverClientOptions { Token = token });
/// var result = await clevver.Batches.StoreAsync(["photo.png"]);
/// Console.WriteLine($"{result.Batch.Id}: {result.Files[0].Upload.Sha256}");
/// </code>
/// </example>
public sealed class ClevverClient : IDisposable
{
    private readonly HttpClient _httpClient;

    /// <summary>Creates a client with its own connection pool.</summary>
    /// <param name="options">The settings; they are validated and copied.</param>
    /// <exception cref="ClevverConfigurationException">A setting is missing or invalid; the message names it.</exception>
    public ClevverClient(ClevverClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        options.Validate();
        var settings = options.Clone();
        _httpClient = new HttpClient(ClevverHttpPipeline.Chain(ClevverHttpPipeline.CreateHandlers(settings), ClevverHttpPipeline.CreateTransport()))
        {
            BaseAddress = settings.GetNormalizedBaseAddress(),
            // Time limits come from RequestTimeoutHandler, which distinguishes a timeout from a cancellation.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        Batches = new ResponseCheckingBatchesClient(_httpClient, settings);
    }

    /// <summary>The Batches operations: create, upload, start, get, list, wait and store.</summary>
    public IBatchesClient Batches { get; }

    /// <summary>Closes the connections this client opened.</summary>
    public void Dispose() => _httpClient.Dispose();
}
