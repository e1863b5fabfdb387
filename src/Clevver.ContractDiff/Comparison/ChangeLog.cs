namespace Clevver.ContractDiff.Comparison;

/// <summary>
/// Collects changes in the order they are found and drops exact repeats, so a documentation change
/// in a shared component appears once however many operations reach it.
/// </summary>
internal sealed class ChangeLog
{
    private readonly List<ContractChange> _changes = [];
    private readonly HashSet<ContractChange> _seen = [];

    public IReadOnlyList<ContractChange> Changes => _changes;

    public void Breaking(string location, string description) =>
        Add(new ContractChange(ChangeKind.Breaking, location, description));

    public void NonBreaking(string location, string description) =>
        Add(new ContractChange(ChangeKind.NonBreaking, location, description));

    public void Add(ContractChange change)
    {
        if (_seen.Add(change))
        {
            _changes.Add(change);
        }
    }
}
