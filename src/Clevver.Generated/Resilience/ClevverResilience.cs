using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;

namespace Clevver.Generated;

/// <summary>
/// Builds the retry pipeline of the client's requests from <see cref="ClevverClientOptions"/>:
/// jittered exponential backoff from <see cref="ClevverClientOptions.RetryBaseDelay"/> up to
/// <see cref="ClevverClientOptions.MaxRetryDelay"/>, a server's <c>Retry-After</c> honoured, at most
/// <see cref="ClevverClientOptions.MaxRetries"/> retries, and only the retries that
/// <see cref="RetryRules.ShouldRetry"/> allows.
/// </summary>
internal static class ClevverResilience
{
    /// <summary>The request of the attempt, so that the retry rules can tell its operation.</summary>
    internal static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("Clevver.Request");

    /// <summary>Set when an attempt of a start failed after its request may have reached the server.</summary>
    internal static readonly ResiliencePropertyKey<bool> StartMayHaveArrivedKey = new("Clevver.StartMayHaveArrived");

    /// <summary>Creates the handler that ClevverClient places between the time limit and the transport.</summary>
    public static DelegatingHandler CreateHandler(ClevverClientOptions options) =>
        new RetryHandler(CreatePipeline(options), CreateLogger(options));

    /// <summary>Builds the pipeline that <see cref="RetryHandler"/> runs each request through.</summary>
    public static ResiliencePipeline<HttpResponseMessage> CreatePipeline(ClevverClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { Name = "Clevver", TimeProvider = options.TimeProvider };
        return builder.AddClevverRetry(options).Build();
    }

    /// <summary>
    /// Adds the client's retry strategy to <paramref name="builder"/>, for a pipeline that runs each
    /// request with <see cref="RequestKey"/> set in its context. Zero <see cref="ClevverClientOptions.MaxRetries"/> adds nothing.
    /// </summary>
    public static ResiliencePipelineBuilder<HttpResponseMessage> AddClevverRetry(this ResiliencePipelineBuilder<HttpResponseMessage> builder, ClevverClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);

        if (options.MaxRetries == 0)
        {
            return builder;
        }

        var logger = CreateLogger(options);
        var clock = options.TimeProvider;
        return builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = options.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.RetryBaseDelay,
            MaxDelay = options.MaxRetryDelay,
            ShouldHandle = arguments => ValueTask.FromResult(ShouldRetry(arguments.Context, arguments.Outcome, options)),
            DelayGenerator = arguments => ValueTask.FromResult(arguments.Outcome.Result is { } response ? GetRetryAfter(response, clock) : null),
            OnRetry = arguments =>
            {
                OnRetry(arguments.Context, arguments.Outcome, arguments.RetryDelay, arguments.AttemptNumber + 1, logger);
                return default;
            },
        });
    }

    /// <summary>
    /// Builds the pipeline that repeats a whole upload. <paramref name="mayRetry"/> decides each
    /// retry after the failure passed <see cref="RetryRules.FailedBeforeSending"/>.
    /// </summary>
    public static ResiliencePipeline CreateUploadPipeline(ClevverClientOptions options, Func<Exception, CancellationToken, ValueTask<bool>> mayRetry, Action<Exception, TimeSpan, int> onRetry)
    {
        var builder = new ResiliencePipelineBuilder { Name = "Clevver.Upload", TimeProvider = options.TimeProvider };
        if (options.MaxRetries == 0)
        {
            return builder.Build();
        }

        return builder.AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = options.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.RetryBaseDelay,
            MaxDelay = options.MaxRetryDelay,
            ShouldHandle = async arguments =>
                arguments.Outcome.Exception is { } exception
                && RetryRules.FailedBeforeSending(exception)
                && await mayRetry(exception, arguments.Context.CancellationToken).ConfigureAwait(false),
            OnRetry = arguments =>
            {
                onRetry(arguments.Outcome.Exception!, arguments.RetryDelay, arguments.AttemptNumber + 1);
                return default;
            },
        }).Build();
    }

    internal static ILogger CreateLogger(ClevverClientOptions options) =>
        options.LoggerFactory?.CreateLogger("Clevver.Generated.Resilience") ?? NullLogger.Instance;

    /// <summary>
    /// Returns the wait that the response's <c>Retry-After</c> requests (RFC 9110 section 10.2.3: seconds
    /// or an HTTP date), at least zero, or null when the response has none.
    /// </summary>
    internal static TimeSpan? GetRetryAfter(HttpResponseMessage response, TimeProvider clock)
    {
        var retryAfter = response.Headers.RetryAfter;
        var delay = retryAfter?.Delta ?? (retryAfter?.Date - clock.GetUtcNow());
        if (delay is null)
        {
            return null;
        }

        return delay.Value < TimeSpan.Zero ? TimeSpan.Zero : delay.Value;
    }

    private static bool ShouldRetry(ResilienceContext context, Outcome<HttpResponseMessage> outcome, ClevverClientOptions options)
    {
        if (!context.Properties.TryGetValue(RequestKey, out var request))
        {
            return false;
        }

        if (!RetryRules.ShouldRetry(RetryRules.Classify(request), outcome.Result, outcome.Exception))
        {
            return false;
        }

        // When the server requests a longer wait than MaxRetryDelay allows, its response is raised instead.
        return outcome.Result is not { } response || !(GetRetryAfter(response, options.TimeProvider) > options.MaxRetryDelay);
    }

    private static void OnRetry(ResilienceContext context, Outcome<HttpResponseMessage> outcome, TimeSpan delay, int retry, ILogger logger)
    {
        context.Properties.TryGetValue(RequestKey, out var request);
        if (request is not null && RetryRules.Classify(request) == RequestKind.Start
            && !(outcome.Exception is { } exception && RetryRules.FailedBeforeSending(exception)))
        {
            context.Properties.Set(StartMayHaveArrivedKey, true);
        }

        ResilienceLog.Retrying(
            logger,
            request?.Method.Method ?? "?",
            request?.RequestUri?.AbsolutePath ?? "?",
            delay,
            retry,
            RetryRules.Describe(outcome.Result, outcome.Exception));
    }
}
