namespace Clevver.Emulator;

/// <summary>
/// The fault rules of a running emulator and its request counters, from <see cref="EmulatorHost.Faults"/>.
/// Every member is thread-safe, so a test may change the rules while requests run.
/// </summary>
/// <example>
/// Fault the next two reads of a batch with 429, then let them through:
/// <code>
/// host.Faults.Add(new FaultRule { Route = FaultRoute.Get, Kind = FaultKind.TooManyRequests, RetryAfter = TimeSpan.FromSeconds(1), Count = 2 });
/// </code>
/// </example>
public sealed class EmulatorFaults
{
    private readonly Lock _lock = new();
    private readonly List<ActiveRule> _rules = [];

    // Indexed by FaultRoute. The Any slots stay zero and are computed as sums.
    private readonly long[] _requestCounts = new long[Enum.GetValues<FaultRoute>().Length];
    private readonly long[] _faultCounts = new long[Enum.GetValues<FaultRoute>().Length];

    internal EmulatorFaults()
    {
    }

    /// <summary>Adds a rule after the existing ones.</summary>
    /// <exception cref="ArgumentException">A property of the rule is invalid; the message names it.</exception>
    public void Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        rule.Validate();

        lock (_lock)
        {
            _rules.Add(new ActiveRule(rule));
        }
    }

    /// <summary>Removes every rule, so later requests are handled normally. The counters are kept.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _rules.Clear();
        }
    }

    /// <summary>
    /// Returns how many requests of a route the emulator received since it started or since
    /// <see cref="ResetCounts"/>, faulted or not, including those rejected for a missing token.
    /// <see cref="FaultRoute.Any"/> returns the total of all routes. Requests to a path that is
    /// not an API route are not counted.
    /// </summary>
    public long GetRequestCount(FaultRoute route) => Sum(_requestCounts, route);

    /// <summary>Returns how many requests of a route were faulted, with <see cref="FaultRoute.Any"/> for all routes.</summary>
    public long GetFaultCount(FaultRoute route) => Sum(_faultCounts, route);

    /// <summary>Sets every request and fault counter to zero. The rules and their remaining counts are kept.</summary>
    public void ResetCounts()
    {
        for (int index = 0; index < _requestCounts.Length; index++)
        {
            Interlocked.Exchange(ref _requestCounts[index], 0);
            Interlocked.Exchange(ref _faultCounts[index], 0);
        }
    }

    /// <summary>Counts a request of a route and returns the rule that faults it, or null to handle it.</summary>
    internal FaultRule? Select(FaultRoute route)
    {
        if (route == FaultRoute.Any || !Enum.IsDefined(route))
        {
            throw new ArgumentOutOfRangeException(nameof(route), route, "A request belongs to one specific route.");
        }

        Interlocked.Increment(ref _requestCounts[(int)route]);

        FaultRule? selected = null;
        lock (_lock)
        {
            foreach (ActiveRule active in _rules)
            {
                if (active.TrySelect(route))
                {
                    selected = active.Rule;
                    break;
                }
            }
        }

        if (selected is not null)
        {
            Interlocked.Increment(ref _faultCounts[(int)route]);
        }

        return selected;
    }

    private static long Sum(long[] counts, FaultRoute route)
    {
        if (!Enum.IsDefined(route))
        {
            throw new ArgumentOutOfRangeException(nameof(route), route, $"{nameof(route)} is not a {nameof(FaultRoute)} value.");
        }

        if (route != FaultRoute.Any)
        {
            return Interlocked.Read(ref counts[(int)route]);
        }

        long total = 0;
        for (int index = 0; index < counts.Length; index++)
        {
            total += Interlocked.Read(ref counts[index]);
        }

        return total;
    }

    /// <summary>A rule with its remaining count and its random source. Callers hold the lock.</summary>
    private sealed class ActiveRule(FaultRule rule)
    {
        private readonly Random? _random = rule.Probability is null ? null : new Random(rule.Seed);
        private int? _remaining = rule.Count;

        public FaultRule Rule { get; } = rule;

        public bool TrySelect(FaultRoute route)
        {
            if (Rule.Route != FaultRoute.Any && Rule.Route != route)
            {
                return false;
            }

            if (_remaining == 0)
            {
                return false;
            }

            if (_random is not null && _random.NextDouble() >= Rule.Probability)
            {
                return false;
            }

            _remaining--;
            return true;
        }
    }
}
