namespace Clevver.Cli.Errors;

/// <summary>
/// An invalid argument, setting or local file, found before any request is sent. It ends the command
/// with <see cref="ExitCodes.Usage"/>.
/// </summary>
/// <param name="message">What is wrong, on which value, and how to fix it, as one sentence or two.</param>
internal sealed class UsageException(string message) : Exception(message);
