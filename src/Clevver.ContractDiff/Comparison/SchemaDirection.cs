namespace Clevver.ContractDiff.Comparison;

/// <summary>Which side of the wire the generated client is on for a schema.</summary>
/// <remarks>
/// The same change can break one side and not the other: a new enum value is harmless in a request,
/// because the client never has to send it, but breaks a response, because the client must read it.
/// </remarks>
internal enum SchemaDirection
{
    /// <summary>The client writes values of the schema: parameters and request bodies.</summary>
    Request,

    /// <summary>The client reads values of the schema: response bodies and headers.</summary>
    Response,
}
