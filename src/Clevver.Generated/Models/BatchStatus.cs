using System.Diagnostics;
using Newtonsoft.Json;

namespace Clevver.Generated;

/// <summary>
/// The state of a batch. Besides the documented values, it keeps any other value the server sends,
/// so that a new status does not make a whole response unreadable.
/// </summary>
/// <remarks>
/// The contract lists <c>created</c>, <c>processing</c> and <c>delivered</c>. A value outside that list
/// is kept in <see cref="Value"/> and <see cref="IsKnown"/> is false.
/// </remarks>
[JsonConverter(typeof(BatchStatusJsonConverter))]
[DebuggerDisplay("{Value}")]
public readonly struct BatchStatus : IEquatable<BatchStatus>
{
    private const string CreatedValue = "created";
    private const string ProcessingValue = "processing";
    private const string DeliveredValue = "delivered";

    private readonly string? _value;

    /// <summary>Creates a status from its wire value.</summary>
    /// <param name="value">The status text as the server sends it, for example <c>processing</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public BatchStatus(string value)
    {
        ArgumentNullException.ThrowIfNull(value);

        _value = value;
    }

    /// <summary>The batch accepts uploads and has not been started.</summary>
    public static BatchStatus Created { get; } = new(CreatedValue);

    /// <summary>The batch was started and its files are being stored.</summary>
    public static BatchStatus Processing { get; } = new(ProcessingValue);

    /// <summary>The batch's files are stored on the blockchain.</summary>
    public static BatchStatus Delivered { get; } = new(DeliveredValue);

    /// <summary>The wire value, exactly as the server sent it. Empty for <c>default(BatchStatus)</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>True when the value is one of the values the contract documents.</summary>
    public bool IsKnown => _value is CreatedValue or ProcessingValue or DeliveredValue;

    /// <inheritdoc />
    public bool Equals(BatchStatus other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is BatchStatus other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>Returns the wire value.</summary>
    public override string ToString() => Value;

    /// <summary>Compares two statuses by their wire value.</summary>
    public static bool operator ==(BatchStatus left, BatchStatus right) => left.Equals(right);

    /// <summary>Compares two statuses by their wire value.</summary>
    public static bool operator !=(BatchStatus left, BatchStatus right) => !left.Equals(right);
}
