using Microsoft.Extensions.Logging;

namespace Clevver.Generated;

/// <summary>Settings of a Clevver API client. Each property documents its default and unit.</summary>
public sealed class ClevverClientOptions
{
    /// <summary>The production base address of the Clevver API.</summary>
    public static readonly Uri ProductionBaseAddress = new("https://clevver.org/api/");

    /// <summary>
    /// The API's base address, with or without a trailing slash, for example
    /// <c>https://clevver.org/api</c>. Default: <see cref="ProductionBaseAddress"/>.
    /// </summary>
    public Uri BaseAddress { get; set; } = ProductionBaseAddress;

    /// <summary>
    /// The API token sent as <c>Authorization: &lt;scheme&gt; &lt;token&gt;</c>. Required. It is never
    /// written to logs, messages or <see cref="ToString"/>.
    /// </summary>
    public string? Token { get; set; }

    /// <summary>The authorization scheme sent before the token. Default: <c>Bearer</c>.</summary>
    public string AuthenticationScheme { get; set; } = "Bearer";

    /// <summary>
    /// Allows plain <c>http://</c> to a host other than loopback, which sends the token unencrypted.
    /// Default: false, so only <c>https://</c> and loopback addresses are accepted.
    /// </summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>
    /// Time limit for one request other than an upload, until its response headers arrive.
    /// Default: 100 seconds. <see cref="Timeout.InfiniteTimeSpan"/> disables it.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// Time limit for one upload, from its first byte until the response headers arrive.
    /// Default: 1 hour. <see cref="Timeout.InfiniteTimeSpan"/> disables it.
    /// </summary>
    public TimeSpan UploadTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>First wait between two polls of a batch's status. Default: 1 second.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between two polls; the wait grows by half after each poll up to it. Default: 15 seconds.</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Time limit for waiting until a started batch is delivered. Default: 2 hours.
    /// <see cref="Timeout.InfiniteTimeSpan"/> disables it.
    /// </summary>
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromHours(2);

    /// <summary>The clock for polling, retry delays and time limits. Default: <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Maximum number of retries of one request after a transient failure, so a request is sent at
    /// most <c>MaxRetries + 1</c> times. Which operations are retried on which failures is described on
    /// each operation and in <c>docs/reliability.md</c>. Default: 3. Zero disables retries.
    /// </summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>
    /// Base of the exponential backoff between retries: about this long before the first retry, then
    /// about twice as long before each further one, with random jitter. Default: 1 second.
    /// </summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Maximum wait before one retry. When a server's <c>Retry-After</c> requests a longer wait, the
    /// request is not retried and the response is raised as <see cref="ClevverApiException"/>. Default: 30 seconds.
    /// </summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Largest response body the client reads, in bytes. A larger successful response is raised as
    /// <see cref="ClevverApiException"/>; a larger error body is cut. Default: 16 MiB.
    /// </summary>
    public long MaxResponseBodyBytes { get; set; } = DefaultMaxResponseBodyBytes;

    /// <summary>
    /// Creates the logger that records each retry. Default: null, which logs nothing. Messages never
    /// contain the token or file contents.
    /// </summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    internal const long DefaultMaxResponseBodyBytes = 16L * 1024 * 1024;

    /// <summary>Checks every setting and throws when one is invalid.</summary>
    /// <exception cref="ClevverConfigurationException">A setting is missing or invalid; the message names it.</exception>
    public void Validate()
    {
        _ = GetNormalizedBaseAddress();
        if (string.IsNullOrWhiteSpace(Token))
        {
            throw new ClevverConfigurationException(
                nameof(Token),
                "The API token is missing. Set ClevverClientOptions.Token; AddClevverClient and the clevver tool read it from CLEVVER_TOKEN.");
        }

        if (Token.AsSpan().IndexOfAny("\r\n") >= 0)
        {
            throw new ClevverConfigurationException(nameof(Token), "The API token contains a line break. Copy the token again without it.");
        }

        // HTTP header values are ASCII (RFC 9110 section 5.5), and a bearer token is visible ASCII
        // (RFC 6750 section 2.1), so any other character can only come from a copy error.
        if (Token.AsSpan().IndexOfAnyExceptInRange('!', '~') >= 0)
        {
            throw new ClevverConfigurationException(
                nameof(Token),
                "The API token contains a space or a character outside visible ASCII. Copy the token again exactly as issued.");
        }

        if (string.IsNullOrWhiteSpace(AuthenticationScheme) || AuthenticationScheme.Contains(' '))
        {
            throw new ClevverConfigurationException(
                nameof(AuthenticationScheme),
                $"The authentication scheme '{AuthenticationScheme}' is invalid. Use a single word such as 'Bearer'.");
        }

        RequirePositive(RequestTimeout, nameof(RequestTimeout), allowInfinite: true);
        RequirePositive(UploadTimeout, nameof(UploadTimeout), allowInfinite: true);
        RequirePositive(DeliveryTimeout, nameof(DeliveryTimeout), allowInfinite: true);
        RequirePositive(PollInterval, nameof(PollInterval), allowInfinite: false);
        RequirePositive(MaxPollInterval, nameof(MaxPollInterval), allowInfinite: false);
        if (MaxPollInterval < PollInterval)
        {
            throw new ClevverConfigurationException(
                nameof(MaxPollInterval),
                $"MaxPollInterval ({MaxPollInterval}) is shorter than PollInterval ({PollInterval}). Make it at least as long.");
        }

        if (MaxRetries < 0)
        {
            throw new ClevverConfigurationException(nameof(MaxRetries), $"MaxRetries is {MaxRetries}, but it must be zero or more.");
        }

        RequirePositive(RetryBaseDelay, nameof(RetryBaseDelay), allowInfinite: false);
        RequirePositive(MaxRetryDelay, nameof(MaxRetryDelay), allowInfinite: false);
        if (MaxRetryDelay < RetryBaseDelay)
        {
            throw new ClevverConfigurationException(
                nameof(MaxRetryDelay),
                $"MaxRetryDelay ({MaxRetryDelay}) is shorter than RetryBaseDelay ({RetryBaseDelay}). Make it at least as long.");
        }

        if (MaxResponseBodyBytes <= 0 || MaxResponseBodyBytes > int.MaxValue)
        {
            throw new ClevverConfigurationException(
                nameof(MaxResponseBodyBytes),
                $"MaxResponseBodyBytes is {MaxResponseBodyBytes}, but it must be between 1 and {int.MaxValue}.");
        }

        if (TimeProvider is null)
        {
            throw new ClevverConfigurationException(nameof(TimeProvider), "TimeProvider is null. Leave it at TimeProvider.System or set a clock.");
        }
    }

    /// <summary>
    /// Returns <see cref="BaseAddress"/> with a trailing slash, so that the operations' relative paths
    /// resolve below it, after checking that it is absolute and uses an accepted scheme.
    /// </summary>
    /// <exception cref="ClevverConfigurationException">The address is missing, relative, or not allowed.</exception>
    public Uri GetNormalizedBaseAddress()
    {
        var address = BaseAddress;
        if (address is null || !address.IsAbsoluteUri)
        {
            throw new ClevverConfigurationException(
                nameof(BaseAddress),
                $"The base address '{address}' is invalid. Use an absolute URL such as https://clevver.org/api.");
        }

        if (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp)
        {
            throw new ClevverConfigurationException(
                nameof(BaseAddress),
                $"The base address '{address}' uses the scheme '{address.Scheme}'. Use https:// (or http:// for a local server).");
        }

        if (address.Scheme == Uri.UriSchemeHttp && !address.IsLoopback && !AllowInsecureHttp)
        {
            throw new ClevverConfigurationException(
                nameof(BaseAddress),
                $"The base address '{address}' uses http:// to a host that is not loopback, which would send the token unencrypted. Use https://, or set AllowInsecureHttp.");
        }

        if (!string.IsNullOrEmpty(address.Query) || !string.IsNullOrEmpty(address.Fragment))
        {
            throw new ClevverConfigurationException(
                nameof(BaseAddress),
                $"The base address '{address}' has a query or fragment. Remove it.");
        }

        var text = address.GetLeftPart(UriPartial.Path);
        return text.EndsWith('/') ? new Uri(text) : new Uri(text + "/");
    }

    /// <summary>Returns the settings for diagnostics, with the token left out.</summary>
    public override string ToString() =>
        $"BaseAddress={BaseAddress}, Token={(string.IsNullOrEmpty(Token) ? "(missing)" : "(set)")}, RequestTimeout={RequestTimeout}, UploadTimeout={UploadTimeout}, DeliveryTimeout={DeliveryTimeout}, MaxRetries={MaxRetries}";

    internal ClevverClientOptions Clone() => (ClevverClientOptions)MemberwiseClone();

    private static void RequirePositive(TimeSpan value, string name, bool allowInfinite)
    {
        if (allowInfinite && value == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        if (value <= TimeSpan.Zero)
        {
            throw new ClevverConfigurationException(name, $"{name} is {value}, but it must be positive{(allowInfinite ? " or Timeout.InfiniteTimeSpan" : string.Empty)}.");
        }

        // CancellationTokenSource and Task.Delay take at most int.MaxValue milliseconds (about 24.8
        // days), and a longer value would fail only at the first request.
        if (value > MaxTimeSpan)
        {
            throw new ClevverConfigurationException(
                name,
                $"{name} is {value}, longer than the maximum of {MaxTimeSpan}{(allowInfinite ? ". Use Timeout.InfiniteTimeSpan for no limit" : string.Empty)}. A plain number in configuration is read as days; write seconds as 00:00:50.");
        }
    }

    private static readonly TimeSpan MaxTimeSpan = TimeSpan.FromMilliseconds(int.MaxValue);
}
