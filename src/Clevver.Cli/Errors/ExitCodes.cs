namespace Clevver.Cli.Errors;

/// <summary>
/// The process exit codes of <c>clevver</c>. <see cref="ErrorReporter"/> maps every failure to one of
/// them, and <see cref="HelpText"/> lists them in <c>clevver --help</c>.
/// </summary>
internal static class ExitCodes
{
    /// <summary>The command succeeded.</summary>
    public const int Success = 0;

    /// <summary>An unexpected failure, for example a defect in this tool.</summary>
    public const int Unexpected = 1;

    /// <summary>
    /// A usage or configuration error: invalid arguments, a batch id that is not a UUID, a missing
    /// token, an invalid API URL, or a file that is missing, unreadable or a directory.
    /// </summary>
    public const int Usage = 2;

    /// <summary>The server rejected a request; the message contains its status and message.</summary>
    public const int Api = 3;

    /// <summary>The server's SHA-256 or size of an uploaded file differs from the bytes sent.</summary>
    public const int ChecksumMismatch = 4;

    /// <summary>A request, an upload or the wait for delivery took longer than its time limit.</summary>
    public const int Timeout = 5;

    /// <summary>The server cannot be reached: refused connection, unknown host or TLS failure.</summary>
    public const int Unreachable = 6;

    /// <summary><c>clevver drift</c> found a response that differs from the contract.</summary>
    public const int Drift = 7;

    /// <summary>Ctrl+C cancelled the command (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;

    /// <summary>The exit code table as it appears at the end of <c>clevver --help</c>.</summary>
    public static readonly string HelpText = string.Join(
        Environment.NewLine,
        "Exit codes:",
        $"  {Success,-3}  success",
        $"  {Unexpected,-3}  unexpected failure (set CLEVVER_DEBUG=1 to print the stack trace)",
        $"  {Usage,-3}  usage or configuration error: invalid argument or batch id, missing CLEVVER_TOKEN,",
        "       invalid API URL, or a file that is missing, unreadable or a directory",
        $"  {Api,-3}  the server rejected a request (its status and message are printed)",
        $"  {ChecksumMismatch,-3}  the server's checksum or size of an uploaded file differs from the bytes sent",
        $"  {Timeout,-3}  a request, an upload or the wait for delivery timed out",
        $"  {Unreachable,-3}  the server cannot be reached",
        $"  {Drift,-3}  'clevver drift' found a response that differs from the contract (each difference is printed)",
        $"  {Cancelled,-3}  cancelled by Ctrl+C");
}
