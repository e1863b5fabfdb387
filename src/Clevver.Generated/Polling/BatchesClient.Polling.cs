using System.Net.Http.Headers;

namespace Clevver.Generated;

public partial interface IBatchesClient
{
    /// <summary>
    /// Polls a started batch until it is delivered, waiting longer between polls as time passes
    /// (from <see cref="ClevverClientOptions.PollInterval"/> up to <see cref="ClevverClientOptions.MaxPollInterval"/>).
    /// </summary>
    /// <param name="batchId">The batch to watch.</param>
    /// <param name="progress">Receives the batch after every successful poll.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The delivered batch.</returns>
    /// <exception cref="ClevverTimeoutException">The batch was not delivered within <see cref="ClevverClientOptions.DeliveryTimeout"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ClevverApiException">A poll failed with an error that waiting does not fix, such as 401 or 404.</exception>
    Task<Batch> WaitForDeliveryAsync(Guid batchId, IProgress<Batch>? progress = null, CancellationToken cancellationToken = default);
}

public partial class BatchesClient
{
    /// <inheritdoc />
    public virtual async Task<Batch> WaitForDeliveryAsync(Guid batchId, IProgress<Batch>? progress = null, CancellationToken cancellationToken = default)
    {
        var options = Options;
        var clock = options.TimeProvider;
        using var deadline = options.DeliveryTimeout == Timeout.InfiniteTimeSpan
            ? new CancellationTokenSource()
            : new CancellationTokenSource(options.DeliveryTimeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);

        using var activity = ClevverActivitySource.Source.StartActivity("clevver.wait_for_delivery");
        activity?.SetTag(ClevverActivitySource.BatchIdTag, batchId.ToString());

        var interval = options.PollInterval;
        try
        {
            while (true)
            {
                TimeSpan? serverDelay = null;
                try
                {
                    var response = await GetAsync(batchId, linked.Token).ConfigureAwait(false);
                    Log.BatchPolled(Logger, batchId, response.Data.Status.ToString(), response.Data.Progress);
                    progress?.Report(response.Data);
                    if (response.Data.IsDelivered)
                    {
                        Log.BatchDelivered(Logger, batchId);
                        return response.Data;
                    }
                }
                catch (ClevverApiException exception) when (IsTransient(exception.StatusCode))
                {
                    // A busy or failing server does not end the wait: the batch keeps being stored.
                    serverDelay = GetRetryAfter(exception.Headers, clock);
                    Log.BatchPollFailed(Logger, batchId, serverDelay ?? interval, exception);
                }
                catch (HttpRequestException exception) when (!linked.IsCancellationRequested)
                {
                    // A dropped connection does not end the wait either.
                    Log.BatchPollFailed(Logger, batchId, interval, exception);
                }

                await Task.Delay(serverDelay ?? interval, clock, linked.Token).ConfigureAwait(false);
                interval = TimeSpan.FromTicks(Math.Min(options.MaxPollInterval.Ticks, interval.Ticks * 3 / 2));
            }
        }
        catch (OperationCanceledException exception) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            var timeout = new ClevverTimeoutException(
                $"The batch {batchId} was not delivered within {options.DeliveryTimeout}. It may still be delivered later; check it with GetAsync, or raise ClevverClientOptions.DeliveryTimeout.",
                exception);
            ClevverActivitySource.SetError(activity, timeout);
            throw timeout;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            ClevverActivitySource.SetError(activity, exception);
            throw;
        }
    }

    internal static bool IsTransient(int statusCode) => statusCode is 408 or 429 or >= 500;

    internal static TimeSpan? GetRetryAfter(IReadOnlyDictionary<string, IEnumerable<string>>? headers, TimeProvider clock)
    {
        if (headers is null)
        {
            return null;
        }

        foreach (var (name, values) in headers)
        {
            if (!string.Equals(name, "Retry-After", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var text = values.FirstOrDefault();
            if (text is null || !RetryConditionHeaderValue.TryParse(text, out var value))
            {
                return null;
            }

            var delay = value.Delta ?? (value.Date - clock.GetUtcNow());
            // A server may ask for anything: keep the wait within zero and ten minutes.
            return delay is null ? null : TimeSpan.FromTicks(Math.Clamp(delay.Value.Ticks, 0, TimeSpan.FromMinutes(10).Ticks));
        }

        return null;
    }
}
