using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Clevver.ContractDiff.Loading;

/// <summary>Reads OpenAPI documents in YAML or JSON into the Microsoft.OpenApi document model.</summary>
public static class ContractLoader
{
    /// <summary>Reads and parses a contract file.</summary>
    /// <param name="path">The path of the YAML or JSON file.</param>
    /// <param name="cancellationToken">Cancels the file read.</param>
    /// <returns>The parsed document.</returns>
    /// <exception cref="ContractLoadException">The file cannot be read, or is not a valid OpenAPI document.</exception>
    public static async Task<OpenApiDocument> LoadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);

        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ContractLoadException($"Cannot read the contract {path}: {exception.Message}", exception);
        }

        return Parse(text, path);
    }

    /// <summary>Parses the text of a contract.</summary>
    /// <param name="text">The YAML or JSON text.</param>
    /// <param name="source">The name of the text in error messages, usually its file path.</param>
    /// <returns>The parsed document.</returns>
    /// <exception cref="ContractLoadException">The text is not a valid OpenAPI document.</exception>
    public static OpenApiDocument Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(source);

        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();

        // Without a format, Microsoft.OpenApi inspects the text to tell JSON from YAML.
        var result = OpenApiDocument.Parse(text, format: null, settings);
        var errors = result.Diagnostic?.Errors ?? [];
        if (result.Document is null || errors.Count > 0)
        {
            var firstError = errors.Count > 0 ? errors[0].ToString() : "the reader returned no document";
            var more = errors.Count > 1 ? $" (and {errors.Count - 1} more errors)" : "";
            throw new ContractLoadException($"The contract {source} is not a valid OpenAPI document: {firstError}{more}");
        }

        return result.Document;
    }
}

/// <summary>The exception thrown when a contract cannot be read or parsed.</summary>
public sealed class ContractLoadException : Exception
{
    /// <summary>Initializes a new instance with a message that names the file and the reason.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The exception that caused this one, if any.</param>
    public ContractLoadException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
