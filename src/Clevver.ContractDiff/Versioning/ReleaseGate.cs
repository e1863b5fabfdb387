using System.Globalization;
using System.Text.RegularExpressions;
using Clevver.ContractDiff.Comparison;

namespace Clevver.ContractDiff.Versioning;

/// <summary>The decision of the release gate: whether the current contract may ship as versioned.</summary>
/// <param name="Passed">True when there is no breaking change, or the major version was raised.</param>
/// <param name="Explanation">A sentence that states the decision and, on failure, how to resolve it.</param>
public sealed record ReleaseVerdict(bool Passed, string Explanation);

/// <summary>
/// Lets breaking changes through only when the major number of <c>info.version</c> rose, following
/// Semantic Versioning 2.0.0, rule 8: a backward-incompatible change increments the major version.
/// </summary>
public static partial class ReleaseGate
{
    /// <summary>Decides whether a comparison may ship under the current <c>info.version</c>.</summary>
    /// <param name="comparison">The comparison of the baseline with the current contract.</param>
    /// <param name="currentPath">The current contract's path, named in the advice on failure.</param>
    /// <param name="baselinePath">The baseline contract's path, named in the advice on failure.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ReleaseVerdict Evaluate(ContractComparison comparison, string currentPath, string baselinePath)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(currentPath);
        ArgumentNullException.ThrowIfNull(baselinePath);

        var breakingCount = comparison.BreakingChanges.Count();
        if (breakingCount == 0)
        {
            return new ReleaseVerdict(true, "No breaking changes.");
        }

        var versions = $"info.version {comparison.BaselineVersion ?? "none"} -> {comparison.CurrentVersion ?? "none"}";
        var baselineMajor = ParseMajor(comparison.BaselineVersion);
        var currentMajor = ParseMajor(comparison.CurrentVersion);
        if (baselineMajor is not null && currentMajor > baselineMajor)
        {
            return new ReleaseVerdict(
                true,
                $"{Count(breakingCount)} accepted, because the major version was raised ({versions}).");
        }

        var reason = baselineMajor is null || currentMajor is null
            ? $"info.version is not a semantic version, so no major version increase can be seen ({versions})"
            : $"the major version of info.version was not raised ({versions})";
        var suggestedVersion = baselineMajor is null ? "a new major version" : $"{baselineMajor + 1}.0.0";
        return new ReleaseVerdict(
            false,
            $"Failed: {Count(breakingCount)} and {reason}. To accept them, raise the major version of " +
            $"info.version in {currentPath} (to {suggestedVersion}); otherwise revert them. Once the new " +
            $"contract is released, copy it to {baselinePath} so that later changes are compared with it.");
    }

    /// <summary>Returns the major number of a version such as <c>1.0.0</c> or <c>v2.1</c>, or null when there is none.</summary>
    internal static int? ParseMajor(string? version)
    {
        if (version is null)
        {
            return null;
        }

        var match = MajorNumber().Match(version);
        return match.Success && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            ? major
            : null;
    }

    private static string Count(int breakingCount) =>
        breakingCount == 1 ? "1 breaking change" : $"{breakingCount} breaking changes";

    [GeneratedRegex(@"^\s*v?(\d+)(\.|$)")]
    private static partial Regex MajorNumber();
}
