namespace Clevver.Generated;

/// <summary>
/// The Batches client that <see cref="ClevverClient"/> and <c>AddClevverClient</c> create. It reads
/// successful bodies through <see cref="ResponseBodyReader"/>, so that a body that breaks the contract
/// raises <see cref="ClevverApiException"/> with an excerpt of the body.
/// </summary>
/// <remarks>
/// The generated reader leaves <see cref="ClevverApiException.Response"/> empty when a body cannot
/// be parsed, because it parses from the stream. This one keeps the first
/// <see cref="ResponseBodyReader.ExcerptBytes"/> bytes while it parses, so bodies are still never
/// copied into a string on success.
/// </remarks>
internal sealed class ResponseCheckingBatchesClient : BatchesClient
{
    public ResponseCheckingBatchesClient(HttpClient httpClient, ClevverClientOptions options)
        : base(httpClient, options)
    {
    }

    protected override async Task<ObjectResponseResult<T>> ReadObjectResponseAsync<T>(
        HttpResponseMessage response, IReadOnlyDictionary<string, IEnumerable<string>> headers, CancellationToken cancellationToken)
    {
        if (response?.Content is null)
        {
            return new ObjectResponseResult<T>(default!, string.Empty);
        }

        var (value, excerpt) = await ResponseBodyReader.ReadAsync<T>(response, headers, JsonSerializerSettings, Options.MaxResponseBodyBytes, cancellationToken).ConfigureAwait(false);
        return new ObjectResponseResult<T>(value!, excerpt);
    }
}
