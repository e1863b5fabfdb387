using System.Globalization;

namespace Clevver.Emulator.CommandLine;

/// <summary>
/// Parses the value of <c>--fault</c>: <c>ROUTE:KIND[=SECONDS][:COUNT]</c>, for example
/// <c>get:429:2</c>, <c>upload:503=5</c> or <c>any:slow=2.5:10</c>.
/// </summary>
internal static class FaultRuleParser
{
    /// <summary>The delay of <c>slow</c> without a value.</summary>
    public static readonly TimeSpan DefaultSlowDelay = TimeSpan.FromSeconds(5);

    public const string Syntax = "ROUTE:KIND[=SECONDS][:COUNT] with ROUTE one of list, create, get, start, upload, any and KIND one of 429, 500, 503, slow, reset, truncate";

    /// <summary>Returns the rule, or null with the reason why the value is invalid.</summary>
    public static (FaultRule? Rule, string? Error) Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);

        string[] fields = value.Split(':');
        if (fields.Length is < 2 or > 3)
        {
            return Invalid(value, "expected two or three fields separated by ':'");
        }

        FaultRoute? route = fields[0].ToLowerInvariant() switch
        {
            "list" => FaultRoute.List,
            "create" => FaultRoute.Create,
            "get" => FaultRoute.Get,
            "start" => FaultRoute.Start,
            "upload" => FaultRoute.Upload,
            "any" => FaultRoute.Any,
            _ => null,
        };
        if (route is null)
        {
            return Invalid(value, $"unknown route '{fields[0]}'");
        }

        int? count = null;
        if (fields.Length == 3)
        {
            if (!int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out int parsedCount) || parsedCount < 1)
            {
                return Invalid(value, $"the count '{fields[2]}' is not a whole number of at least 1");
            }

            count = parsedCount;
        }

        return ParseKind(value, fields[1], route.Value, count);
    }

    private static (FaultRule? Rule, string? Error) ParseKind(string value, string kindField, FaultRoute route, int? count)
    {
        string[] kindAndSeconds = kindField.Split('=', 2);
        TimeSpan? seconds = null;
        if (kindAndSeconds.Length == 2)
        {
            if (!double.TryParse(kindAndSeconds[1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double parsed)
                || parsed > TimeSpan.MaxValue.TotalSeconds)
            {
                return Invalid(value, $"'{kindAndSeconds[1]}' is not a number of seconds");
            }

            seconds = TimeSpan.FromSeconds(parsed);
        }

        FaultRule rule = new() { Route = route, Count = count };
        switch (kindAndSeconds[0].ToLowerInvariant())
        {
            case "429":
                return (rule with { Kind = FaultKind.TooManyRequests, RetryAfter = seconds }, null);
            case "503":
                return (rule with { Kind = FaultKind.ServiceUnavailable, RetryAfter = seconds }, null);
            case "slow" when seconds != TimeSpan.Zero:
                return (rule with { Kind = FaultKind.SlowResponse, Delay = seconds ?? DefaultSlowDelay }, null);
            case "500" or "reset" or "truncate" when seconds is not null:
                return Invalid(value, $"the kind '{kindAndSeconds[0]}' takes no seconds");
            case "500":
                return (rule with { Kind = FaultKind.InternalServerError }, null);
            case "reset":
                return (rule with { Kind = FaultKind.ConnectionReset }, null);
            case "truncate":
                return (rule with { Kind = FaultKind.TruncatedBody }, null);
            case "slow":
                return Invalid(value, "the delay of 'slow' must be greater than 0 seconds");
            default:
                return Invalid(value, $"unknown kind '{kindAndSeconds[0]}'");
        }
    }

    private static (FaultRule? Rule, string? Error) Invalid(string value, string reason) =>
        (null, $"Invalid --fault '{value}': {reason}. Expected {Syntax}.");
}
