using Clevver.Generated.SnapshotTests.Support;

namespace Clevver.Generated.SnapshotTests;

/// <summary>api/generator-inputs.json must describe the contract, settings and templates the client was generated from.</summary>
public class GeneratorInputsTests
{
    [Fact]
    public void Record_MatchesWorkingTree()
    {
        var recordPath = RepositoryPaths.Combine(GeneratorInputs.RecordPath);
        var computed = GeneratorInputs.Compute();
        if (Environment.GetEnvironmentVariable(GeneratorInputs.UpdateVariable) == "1")
        {
            File.WriteAllText(recordPath, computed);
        }

        var committed = File.Exists(recordPath) ? File.ReadAllText(recordPath).Replace("\r\n", "\n") : "";

        Assert.True(committed == computed, DescribeDifference(committed, computed));
    }

    private static string DescribeDifference(string committed, string computed)
    {
        var howToRefresh =
            $"If the change is intended, refresh the record from the repository root with " +
            $"'{GeneratorInputs.UpdateVariable}=1 dotnet test tests/Clevver.Generated.SnapshotTests', " +
            $"then commit {GeneratorInputs.RecordPath} together with the approved snapshot of the generated source.";
        if (committed.Length == 0)
        {
            return $"{GeneratorInputs.RecordPath} is missing. {howToRefresh}";
        }

        var before = GeneratorInputs.Flatten(committed);
        var after = GeneratorInputs.Flatten(computed);
        var changes = before.Keys.Union(after.Keys)
            .Where(key => before.GetValueOrDefault(key) != after.GetValueOrDefault(key))
            .Select(key => $"  {key}: recorded {before.GetValueOrDefault(key) ?? "(none)"}, now {after.GetValueOrDefault(key) ?? "(none)"}")
            .ToList();
        var listing = changes.Count > 0 ? string.Join('\n', changes) : "  (only the formatting differs)";
        return $"{GeneratorInputs.RecordPath} does not match the working tree. Changed:\n{listing}\n{howToRefresh}";
    }
}
