using Clevver.Cli.Connection;
using Clevver.Cli.Drift;
using Clevver.Generated;

namespace Clevver.Cli.Errors;

/// <summary>
/// Maps a failure to its exit code and writes one line about it to standard error. This is the only
/// place that decides which exception gives which <see cref="ExitCodes"/> value.
/// </summary>
/// <param name="error">Standard error.</param>
/// <param name="printStackTrace">True to write the whole exception after the line, which <c>CLEVVER_DEBUG=1</c> requests.</param>
internal sealed class ErrorReporter(TextWriter error, bool printStackTrace)
{
    /// <summary>The environment variable that adds the stack trace to error output when it is <c>1</c>.</summary>
    public const string DebugVariable = "CLEVVER_DEBUG";

    /// <summary>Creates a reporter for standard error that reads <see cref="DebugVariable"/>.</summary>
    public static ErrorReporter ForConsole() =>
        new(Console.Error, Environment.GetEnvironmentVariable(DebugVariable) == "1");

    /// <summary>Writes the line for a usage error found while parsing and returns <see cref="ExitCodes.Usage"/>.</summary>
    public int ReportUsage(string message)
    {
        WriteLine(message);
        return ExitCodes.Usage;
    }

    /// <summary>Writes the line for <paramref name="exception"/> and returns its exit code.</summary>
    /// <param name="exception">The failure.</param>
    /// <param name="requests">The request that was in flight, to name it in the message.</param>
    /// <param name="cancellationToken">The command's token; when it is cancelled, a cancellation is the user's Ctrl+C.</param>
    public int Report(Exception exception, RequestTracker requests, CancellationToken cancellationToken)
    {
        var (exitCode, message) = Describe(exception, requests, cancellationToken);
        if (requests.StartedBatchId is Guid batchId && !message.Contains("batches get", StringComparison.Ordinal))
        {
            // Once the start request was sent, the server may store and bill the files even though
            // this command failed, so the line names the batch to check.
            message = $"{Sentence(message)} The batch {batchId} may already be started: check it with 'clevver batches get {batchId}'.";
        }

        WriteLine(message);
        if (printStackTrace)
        {
            error.WriteLine(exception.ToString());
        }

        return exitCode;
    }

    private static (int ExitCode, string Message) Describe(Exception exception, RequestTracker requests, CancellationToken cancellationToken)
    {
        // A user name or password in the URL stays out of the message.
        var server = requests.BaseAddress is { } address
            ? (string.IsNullOrEmpty(address.UserInfo) ? address.ToString() : address.ToString().Replace(address.UserInfo + "@", "***@", StringComparison.Ordinal))
            : "the API URL";
        return exception switch
        {
            UsageException usage => (ExitCodes.Usage, usage.Message),
            ClevverConfigurationException configuration =>
                (ExitCodes.Usage, $"the setting {configuration.OptionName} is invalid: {FirstLine(configuration.Message)}"),
            FileNotFoundException missing =>
                (ExitCodes.Usage, $"the file '{missing.FileName}' does not exist. Check the path."),
            DirectoryNotFoundException directory =>
                (ExitCodes.Usage, $"{FirstLine(directory.Message)} Check the path."),
            UnauthorizedAccessException denied =>
                (ExitCodes.Usage, $"{FirstLine(denied.Message)} Check the file's permissions."),
            // The client raises a plain ArgumentException for an empty path or a directory.
            ArgumentException { ParamName: "path" or "paths" } argument when argument.GetType() == typeof(ArgumentException) =>
                (ExitCodes.Usage, FirstLine(argument.Message.Replace($" (Parameter '{argument.ParamName}')", string.Empty, StringComparison.Ordinal))),
            ClevverApiException api => (ExitCodes.Api, DescribeApiError(api, requests.Current)),
            ClevverChecksumMismatchException mismatch => (ExitCodes.ChecksumMismatch, FirstLine(mismatch.Message)),
            TimeoutException timeout => (ExitCodes.Timeout, DescribeTimeout(timeout, requests, server)),
            DriftDetectedException drift => (ExitCodes.Drift, drift.Message),
            EmulatorStartException emulator => (ExitCodes.Unexpected, Sentence(emulator.Message)),
            HttpRequestException unreachable =>
                (ExitCodes.Unreachable, $"cannot reach the server at {server}: {Sentence(Innermost(unreachable).Message)} Check --api-url or CLEVVER_API_URL and the network."),
            OperationCanceledException when cancellationToken.IsCancellationRequested =>
                (ExitCodes.Cancelled, "cancelled by Ctrl+C."),
            // The client raises IOException for a local file that cannot be read or changed during its upload.
            IOException io =>
                (ExitCodes.Usage, $"a local file cannot be read: {Sentence(io.Message)}"),
            _ => (ExitCodes.Unexpected, $"unexpected {exception.GetType().Name}: {Sentence(exception.Message)} Set {DebugVariable}=1 to print the stack trace."),
        };
    }

    private static string DescribeApiError(ClevverApiException exception, string? request)
    {
        var target = request ?? "a request";
        if (exception.StatusCode is >= 200 and < 300)
        {
            // The generated client raises ClevverApiException with the success status when a body cannot be read.
            var excerpt = string.Join(' ', (exception.Response ?? string.Empty).Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
            excerpt = excerpt.Length > 200 ? excerpt[..200] + "..." : excerpt;
            return $"the server's response to {target} is invalid: {FirstLine(exception.Message)} Body: {(excerpt.Length == 0 ? "(empty)" : excerpt)}";
        }

        var message = $"the server rejected {target} with {exception.StatusCode}: {ServerMessage(exception)}";
        return exception.StatusCode == 401
            ? $"{Sentence(message)} Check that CLEVVER_TOKEN is a valid token for this server."
            : message;
    }

    private static string DescribeTimeout(TimeoutException exception, RequestTracker requests, string server)
    {
        // The client's first sentence names the request or the batch that timed out. Its advice
        // names a client setting, so the advice here names the command-line option instead.
        var timedOut = FirstSentence(exception.Message);
        if (requests.WaitingBatchId is Guid batchId)
        {
            return $"{timedOut} It may still be delivered later: check it with 'clevver batches get {batchId}', or raise --delivery-timeout.";
        }

        return $"{timedOut} Check that the server at {server} responds, then try again.";
    }

    /// <summary>Returns the server's own message: the error body's <c>message</c>, else the body if it is short text.</summary>
    private static string ServerMessage(ClevverApiException exception)
    {
        if (exception is ClevverApiException<ErrorResponse> { Result.Message: { Length: > 0 } message })
        {
            return FirstLine(message);
        }

        var body = exception.Response?.Trim();
        if (!string.IsNullOrEmpty(body) && body.Length <= 200 && !body.StartsWith('<'))
        {
            return FirstLine(body);
        }

        return FirstLine(exception.Message);
    }

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is not null)
        {
            exception = exception.InnerException;
        }

        return exception;
    }

    private static string FirstLine(string text)
    {
        var trimmed = text.Trim();
        var end = trimmed.IndexOfAny(['\r', '\n']);
        return end < 0 ? trimmed : trimmed[..end].TrimEnd();
    }

    private static string FirstSentence(string text)
    {
        var line = FirstLine(text);
        var end = line.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? Sentence(line) : line[..(end + 1)];
    }

    /// <summary>Returns the first line of <paramref name="text"/>, ending with a period.</summary>
    private static string Sentence(string text)
    {
        var line = FirstLine(text);
        return line.EndsWith('.') ? line : line + ".";
    }

    private void WriteLine(string message) => error.WriteLine($"error: {LowerFirst(message)}");

    /// <summary>Lowercases a capitalized first word, so that lines read alike after "error: "; names such as CLEVVER_TOKEN keep their case.</summary>
    private static string LowerFirst(string message) =>
        message.Length > 1 && char.IsUpper(message[0]) && char.IsLower(message[1])
            ? char.ToLowerInvariant(message[0]) + message[1..]
            : message;
}
