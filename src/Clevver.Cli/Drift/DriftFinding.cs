namespace Clevver.Cli.Drift;

/// <summary>How a response body differs from the contract.</summary>
internal enum DriftKind
{
    /// <summary>The body has a property that the contract's schema does not name.</summary>
    UnknownField,

    /// <summary>A value is not one of the contract's enum values.</summary>
    UnknownEnumValue,

    /// <summary>A property that the contract requires is absent.</summary>
    MissingField,

    /// <summary>A value has another JSON type than the contract's, for example a string for a number.</summary>
    TypeDifference,

    /// <summary>A value has the contract's type but breaks its format, pattern or range.</summary>
    InvalidValue,

    /// <summary>The body is not JSON.</summary>
    InvalidJson,
}

/// <summary>One difference between a response body and the contract.</summary>
/// <param name="Kind">What differs.</param>
/// <param name="Request">The request whose response differs, for example <c>GET /api/batches</c>.</param>
/// <param name="Path">The JSON path of the value in the body, for example <c>$.data[0].status</c>.</param>
/// <param name="Message">A sentence about the difference that names the value or the property.</param>
internal sealed record DriftFinding(DriftKind Kind, string Request, string Path, string Message)
{
    /// <summary>The kind in kebab case, as text and JSON output write it, for example <c>unknown-field</c>.</summary>
    public string KindName => Kind switch
    {
        DriftKind.UnknownField => "unknown-field",
        DriftKind.UnknownEnumValue => "unknown-enum-value",
        DriftKind.MissingField => "missing-field",
        DriftKind.TypeDifference => "type-difference",
        DriftKind.InvalidValue => "invalid-value",
        DriftKind.InvalidJson => "invalid-json",
        _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "The drift kind has no name."),
    };

    /// <summary>The finding as one line of text output.</summary>
    public override string ToString() => $"{KindName}  {Request}  {Path}  {Message}";
}
