namespace Clevver.ContractDiff.Comparison;

/// <summary>The outcome of comparing a baseline contract with the current one.</summary>
/// <param name="BaselineVersion">The <c>info.version</c> of the baseline contract, or null when it has none.</param>
/// <param name="CurrentVersion">The <c>info.version</c> of the current contract, or null when it has none.</param>
/// <param name="Changes">Every difference, in the order found.</param>
public sealed record ContractComparison(
    string? BaselineVersion,
    string? CurrentVersion,
    IReadOnlyList<ContractChange> Changes)
{
    /// <summary>Gets the differences that break a client generated from the baseline.</summary>
    public IEnumerable<ContractChange> BreakingChanges => Changes.Where(change => change.Kind == ChangeKind.Breaking);

    /// <summary>Gets the differences that a client generated from the baseline tolerates.</summary>
    public IEnumerable<ContractChange> NonBreakingChanges =>
        Changes.Where(change => change.Kind == ChangeKind.NonBreaking);

    /// <summary>Gets a value indicating whether any difference is breaking.</summary>
    public bool HasBreakingChanges => BreakingChanges.Any();
}
