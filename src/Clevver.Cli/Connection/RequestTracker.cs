namespace Clevver.Cli.Connection;

/// <summary>
/// The API request a command is sending, so that an error message can name it, for example
/// <c>POST /api/batches/&lt;id&gt;/start</c>. Commands set it before each call.
/// </summary>
internal sealed class RequestTracker
{
    private Uri? _baseAddress;

    /// <summary>The API's base address, with a trailing slash, once the connection is open.</summary>
    public Uri? BaseAddress => _baseAddress;

    /// <summary>The method and absolute path of the current request, or null before the first one.</summary>
    public string? Current { get; private set; }

    /// <summary>The batch whose delivery the command is waiting for, or null when it is not waiting.</summary>
    public Guid? WaitingBatchId { get; private set; }

    /// <summary>The batch whose start request was sent, or null before that; its files may be stored and billed.</summary>
    public Guid? StartedBatchId { get; private set; }

    public void SetBaseAddress(Uri baseAddress) => _baseAddress = baseAddress;

    /// <summary>Records that the start request of <paramref name="batchId"/> is about to be sent.</summary>
    public void BeginStart(Guid batchId)
    {
        Begin("POST", $"batches/{batchId}/start");
        StartedBatchId = batchId;
    }

    /// <summary>Records the request about to be sent.</summary>
    /// <param name="method">The HTTP method, for example <c>POST</c>.</param>
    /// <param name="relativePath">The operation's path below the base address, for example <c>batches</c>.</param>
    public void Begin(string method, string relativePath)
    {
        var path = _baseAddress is null ? "/" + relativePath : new Uri(_baseAddress, relativePath).AbsolutePath;
        Current = $"{method} {path}";
        WaitingBatchId = null;
    }

    /// <summary>Records that the command polls <paramref name="batchId"/> until it is delivered.</summary>
    public void BeginWaiting(Guid batchId)
    {
        Begin("GET", $"batches/{batchId}");
        WaitingBatchId = batchId;
    }
}
