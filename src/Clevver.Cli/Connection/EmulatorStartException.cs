namespace Clevver.Cli.Connection;

/// <summary>The in-process emulator that <c>--emulator</c> requests failed to start.</summary>
internal sealed class EmulatorStartException(string message, Exception innerException) : Exception(message, innerException);
