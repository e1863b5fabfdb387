namespace Clevver.Emulator.Batches;

/// <summary>The state of a batch, as the <c>BatchStatus</c> schema names it.</summary>
internal enum BatchStatus
{
    /// <summary>Created and accepting uploads.</summary>
    Created,

    /// <summary>Started and not yet delivered.</summary>
    Processing,

    /// <summary>Started at least one delivery time ago.</summary>
    Delivered,
}

internal static class BatchStatusExtensions
{
    /// <summary>Returns the status as the API spells it.</summary>
    public static string ToWireValue(this BatchStatus status) => status switch
    {
        BatchStatus.Created => "created",
        BatchStatus.Processing => "processing",
        BatchStatus.Delivered => "delivered",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown batch status."),
    };
}
