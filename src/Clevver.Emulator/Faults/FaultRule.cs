namespace Clevver.Emulator;

/// <summary>The API route that a <see cref="FaultRule"/> applies to and that <see cref="EmulatorFaults"/> counts.</summary>
public enum FaultRoute
{
    /// <summary>Every route below. As a counter, the sum of all of them.</summary>
    Any,

    /// <summary><c>GET /api/batches</c>, which lists the active batches.</summary>
    List,

    /// <summary><c>POST /api/batches</c>, which creates a batch.</summary>
    Create,

    /// <summary><c>GET /api/batches/{batchId}</c>, which returns one batch.</summary>
    Get,

    /// <summary><c>POST /api/batches/{batchId}/start</c>, which starts a batch.</summary>
    Start,

    /// <summary><c>POST /api/batches/{batchId}/files</c>, which uploads a file into a batch.</summary>
    Upload,
}

/// <summary>What the emulator does to a request that a <see cref="FaultRule"/> selects.</summary>
public enum FaultKind
{
    /// <summary>
    /// Responds 429 with the error body and a <c>Retry-After</c> header of
    /// <see cref="FaultRule.RetryAfter"/>, or 1 second when it is null.
    /// </summary>
    TooManyRequests,

    /// <summary>Responds 500 with the error body.</summary>
    InternalServerError,

    /// <summary>
    /// Responds 503 with the error body, and with a <c>Retry-After</c> header only when
    /// <see cref="FaultRule.RetryAfter"/> is set.
    /// </summary>
    ServiceUnavailable,

    /// <summary>
    /// Waits for <see cref="FaultRule.Delay"/> on the emulator's <see cref="EmulatorOptions.TimeProvider"/>,
    /// then handles the request normally. With the system clock this is a real delay. With a fake
    /// clock the request waits until the test advances the clock past the delay.
    /// </summary>
    SlowResponse,

    /// <summary>
    /// Aborts the connection without a response, as a reset TCP connection would. The request body
    /// is not read.
    /// </summary>
    ConnectionReset,

    /// <summary>
    /// Responds 200 with a JSON Content-Type and a Content-Length of a whole JSON body, writes the
    /// first half of that body and closes the connection, as a connection cut during the response
    /// would. The request itself is not handled.
    /// </summary>
    TruncatedBody,
}

/// <summary>
/// A fault that the emulator injects into requests of one route, in place of handling them.
/// Add rules with <see cref="EmulatorOptions.Faults"/> before the start, or with
/// <see cref="EmulatorFaults.Add"/> while the emulator runs.
/// </summary>
/// <remarks>
/// <para>
/// A rule selects a request of its <see cref="Route"/> when it has faults left (see
/// <see cref="Count"/>) and, when <see cref="Probability"/> is set, its random draw succeeds.
/// Rules are checked in the order they were added, and the first rule that selects a request
/// decides the fault. A request that no rule selects is handled normally.
/// </para>
/// <para>
/// Faults are injected before the bearer token is checked and before the request body is read,
/// as a proxy or rate limiter in front of the real server would do. Except for
/// <see cref="FaultKind.SlowResponse"/>, a faulted request changes no state: a faulted upload
/// records no file, and a faulted create or start changes no batch.
/// </para>
/// </remarks>
public sealed record FaultRule
{
    /// <summary>The route whose requests this rule faults. The default is <see cref="FaultRoute.Any"/>.</summary>
    public FaultRoute Route { get; init; } = FaultRoute.Any;

    /// <summary>The fault to inject. The default is <see cref="FaultKind.TooManyRequests"/>.</summary>
    public FaultKind Kind { get; init; }

    /// <summary>
    /// How many requests this rule faults before it stops, at least 1. The default, null, faults
    /// every selected request for as long as the rule exists. With <see cref="Probability"/>, it
    /// limits the number of faulted requests, not the number of draws.
    /// </summary>
    public int? Count { get; init; }

    /// <summary>
    /// The chance from 0 (exclusive) to 1 (inclusive) that a request of the route is faulted. The
    /// default, null, faults every request of the route. Draws come from a
    /// <see cref="Random"/> seeded with <see cref="Seed"/>, so a run repeats when the requests
    /// arrive in the same order.
    /// </summary>
    public double? Probability { get; init; }

    /// <summary>The seed of this rule's random draws, used only with <see cref="Probability"/>. The default is 0.</summary>
    public int Seed { get; init; }

    /// <summary>
    /// The <c>Retry-After</c> value of <see cref="FaultKind.TooManyRequests"/> and
    /// <see cref="FaultKind.ServiceUnavailable"/>, sent in whole seconds and rounded up. Must not
    /// be negative. The default, null, sends 1 second with 429 and no header with 503.
    /// </summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>
    /// The wait of <see cref="FaultKind.SlowResponse"/>, greater than zero for that kind. The
    /// default is zero, which other kinds ignore.
    /// </summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Throws an <see cref="ArgumentException"/> that names the first invalid property.</summary>
    internal void Validate()
    {
        if (!Enum.IsDefined(Route))
        {
            throw new ArgumentOutOfRangeException(nameof(Route), Route, $"{nameof(Route)} is not a {nameof(FaultRoute)} value.");
        }

        if (!Enum.IsDefined(Kind))
        {
            throw new ArgumentOutOfRangeException(nameof(Kind), Kind, $"{nameof(Kind)} is not a {nameof(FaultKind)} value.");
        }

        if (Count is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Count), Count, $"{nameof(Count)} must be null or at least 1.");
        }

        if (Probability is { } probability && !(probability > 0 && probability <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Probability), Probability, $"{nameof(Probability)} must be null or greater than 0 and at most 1.");
        }

        if (RetryAfter < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(RetryAfter), RetryAfter, $"{nameof(RetryAfter)} must be null or not negative.");
        }

        if (Delay < TimeSpan.Zero || (Kind == FaultKind.SlowResponse && Delay == TimeSpan.Zero))
        {
            throw new ArgumentOutOfRangeException(nameof(Delay), Delay, $"{nameof(Delay)} must be greater than zero for {nameof(FaultKind.SlowResponse)} and not negative otherwise.");
        }
    }
}
