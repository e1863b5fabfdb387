namespace Clevver.Generated;

/// <summary>
/// A request, an upload or a wait for delivery took longer than its configured limit. A caller's
/// own cancellation raises <see cref="OperationCanceledException"/> instead.
/// </summary>
public sealed class ClevverTimeoutException : TimeoutException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What timed out, after how long, and which setting sets the limit.</param>
    /// <param name="innerException">The cancellation that the time limit caused, if any.</param>
    public ClevverTimeoutException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
