namespace Clevver.ContractDiff.Comparison;

/// <summary>Whether a contract change breaks a client generated from the previous contract.</summary>
public enum ChangeKind
{
    /// <summary>A client generated from the baseline contract fails to compile or misreads the wire format.</summary>
    Breaking,

    /// <summary>A client generated from the baseline contract keeps working.</summary>
    NonBreaking,
}

/// <summary>One difference between the baseline contract and the current one.</summary>
/// <param name="Kind">Whether the difference breaks a generated client.</param>
/// <param name="Location">
/// Where the difference is, for example <c>GET /batches/{batchId} response 200</c> or
/// <c>components/securitySchemes/bearerAuth</c>.
/// </param>
/// <param name="Description">
/// What changed, for example <c>property data.progress changed type from number to string</c>.
/// </param>
public sealed record ContractChange(ChangeKind Kind, string Location, string Description)
{
    /// <summary>Gets the changelog line, the location and the description joined by a colon.</summary>
    public override string ToString() => $"{Location}: {Description}";
}
