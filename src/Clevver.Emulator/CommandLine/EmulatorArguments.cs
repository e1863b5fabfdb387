using System.Globalization;

namespace Clevver.Emulator.CommandLine;

/// <summary>The outcome of parsing the command line: options to run with, a help request, or an error.</summary>
internal sealed record ParsedArguments(EmulatorOptions? Options, bool ShowHelp, string? Error);

/// <summary>Parses the command line of the standalone emulator.</summary>
internal static class EmulatorArguments
{
    /// <summary>The port of the standalone emulator, which the contract lists as the local server.</summary>
    public const int DefaultPort = 5080;

    public const string HelpText = """
        Runs a local emulator of the Clevver Batches API on 127.0.0.1.

        Usage: Clevver.Emulator [options]

        Options:
          --port <number>          TCP port to listen on, 0 to 65535; 0 picks a free port. Default: 5080.
          --token <token>          Bearer token that requests must send. Default: a random token.
          --data-dir <path>        Directory for batches and uploaded files, kept after exit and
                                   loaded again at the next start. Default: a temporary directory
                                   that is deleted on exit.
          --delivery-time <secs>   Seconds from the start of a batch until it is delivered. Default: 10.
          --max-file-size <bytes>  Largest accepted file in bytes. Default: 2147483648 (2 GiB).
          --max-files-per-batch <count>
                                   Most files in one batch; more are rejected with 422. Default: 10000.
          --max-header-size <bytes>
                                   Largest total size of a request's header fields; more is rejected
                                   with 431. From 1024 to 1073741824. Default: 32768.
          --fault <rule>           Injects a fault; may be repeated, and rules apply in order. The
                                   rule is ROUTE:KIND[=SECONDS][:COUNT]. ROUTE is list, create, get,
                                   start, upload or any. KIND is 429 (Retry-After SECONDS, default
                                   1), 500, 503 (Retry-After SECONDS, default none), slow (delay of
                                   SECONDS, default 5), reset (abort the connection) or truncate
                                   (send half of the body, then abort). COUNT faults the next COUNT
                                   requests; without it, every request. Example: --fault get:429:2
          -h, --help               Show this help.

        The base URL and the token are printed on standard output, one line each; logs go to
        standard error. Press Ctrl+C to stop.
        """;

    public static ParsedArguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);

        EmulatorOptions options = new() { Port = DefaultPort };
        for (int index = 0; index < args.Count; index++)
        {
            string name = args[index];
            if (name is "-h" or "--help")
            {
                return new ParsedArguments(null, ShowHelp: true, Error: null);
            }

            if (index + 1 >= args.Count)
            {
                return Fail(IsKnownOption(name) ? $"The option {name} needs a value." : $"Unknown option '{name}'.");
            }

            string value = args[++index];
            string? error = Apply(options, name, value);
            if (error is not null)
            {
                return Fail(error);
            }
        }

        return new ParsedArguments(options, ShowHelp: false, Error: null);
    }

    /// <summary>Sets one option and returns null, or returns why the value is invalid.</summary>
    private static string? Apply(EmulatorOptions options, string name, string value)
    {
        switch (name)
        {
            case "--port":
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port > 65535)
                {
                    return $"Invalid --port '{value}': expected a whole number from 0 to 65535.";
                }

                options.Port = port;
                return null;

            case "--token":
                if (value.Length == 0 || value.Any(character => character is < '!' or > '~'))
                {
                    return "Invalid --token: expected visible ASCII characters without spaces.";
                }

                options.Token = value;
                return null;

            case "--data-dir":
                if (string.IsNullOrWhiteSpace(value))
                {
                    return "Invalid --data-dir: expected a directory path.";
                }

                options.DataDirectory = value;
                return null;

            case "--delivery-time":
                if (!double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double seconds)
                    || seconds <= 0
                    || seconds > TimeSpan.MaxValue.TotalSeconds)
                {
                    return $"Invalid --delivery-time '{value}': expected a number of seconds greater than 0, such as 10 or 0.5.";
                }

                options.DeliveryTime = TimeSpan.FromSeconds(seconds);
                return null;

            case "--max-files-per-batch":
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int maxFiles) || maxFiles == 0)
                {
                    return $"Invalid --max-files-per-batch '{value}': expected a whole number greater than 0.";
                }

                options.MaxFilesPerBatch = maxFiles;
                return null;

            case "--max-header-size":
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int headerBytes) || headerBytes is < 1024 or > 1024 * 1024 * 1024)
                {
                    return $"Invalid --max-header-size '{value}': expected a whole number of bytes from 1024 to 1073741824.";
                }

                options.MaxRequestHeadersTotalSize = headerBytes;
                return null;

            case "--fault":
                (FaultRule? rule, string? faultError) = FaultRuleParser.Parse(value);
                if (rule is null)
                {
                    return faultError;
                }

                options.Faults.Add(rule);
                return null;

            case "--max-file-size":
                if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long bytes) || bytes == 0)
                {
                    return $"Invalid --max-file-size '{value}': expected a whole number of bytes greater than 0.";
                }

                options.MaxFileSize = bytes;
                return null;

            default:
                return $"Unknown option '{name}'.";
        }
    }

    private static bool IsKnownOption(string name) =>
        name is "--port" or "--token" or "--data-dir" or "--delivery-time" or "--max-file-size"
            or "--max-files-per-batch" or "--max-header-size" or "--fault";

    private static ParsedArguments Fail(string error) => new(null, ShowHelp: false, error);
}
