using Snapshooter;
using Snapshooter.Xunit;
using Xunit.Sdk;

namespace Clevver.Generated.SnapshotTests.Support;

/// <summary>
/// Compares text with its approved snapshot in this project's <c>__snapshots__/</c> folder, through
/// Snapshooter, and explains a failure with the paths and commands that accept the change.
/// </summary>
internal static class ApprovedSnapshot
{
    private const string SnapshotFolder = "__snapshots__";
    private const string MismatchFolder = "__mismatch__";

    /// <summary>
    /// Matches <paramref name="actual"/> against <c>__snapshots__/<paramref name="name"/>.snap</c>.
    /// A missing snapshot is written and passes, except on CI (the variable CI is true), where it
    /// fails because the approved state must be committed.
    /// </summary>
    public static void Match(string actual, string name)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);

        var fileName = name + ".snap";
        var approvedPath = Path.Combine(RepositoryPaths.TestProject, SnapshotFolder, fileName);
        var existed = File.Exists(approvedPath);
        try
        {
            // The folder is given explicitly, because Snapshooter finds it from the PDB's source
            // path otherwise, which a CI build maps to /_/.
            Snapshot.Match((object)actual, new SnapshotFullName(fileName, RepositoryPaths.TestProject));
        }
        catch (XunitException)
        {
            throw new XunitException(DescribeMismatch(name, fileName, approvedPath, actual));
        }

        if (!existed && IsContinuousIntegration())
        {
            throw new XunitException(
                $"The snapshot '{name}' has no approved file, so it was written to {Relative(approvedPath)}. " +
                "Run 'dotnet test tests/Clevver.Generated.SnapshotTests' locally, review the new file and commit it.");
        }
    }

    private static string DescribeMismatch(string name, string fileName, string approvedPath, string actual)
    {
        var approvedFile = Relative(approvedPath);
        var mismatchFile = Relative(Path.Combine(RepositoryPaths.TestProject, SnapshotFolder, MismatchFolder, fileName));
        return $"""
            The snapshot '{name}' differs from the approved file {approvedFile}.
            {DescribeFirstDifference(File.ReadAllText(approvedPath), actual)}
            The new text was written to {mismatchFile}.
            If the change is intended, run 'dotnet test tests/Clevver.Generated.SnapshotTests' locally, then accept it from the repository root with
              cp {mismatchFile} {approvedFile}
            or delete {approvedFile} and run 'dotnet test tests/Clevver.Generated.SnapshotTests' to write it again.
            Then review 'git diff' and commit the file under {SnapshotFolder}/.
            """;
    }

    private static string DescribeFirstDifference(string approved, string actual)
    {
        var approvedLines = Normalize(approved).Split('\n');
        var actualLines = Normalize(actual).Split('\n');
        var count = Math.Max(approvedLines.Length, actualLines.Length);
        for (var i = 0; i < count; i++)
        {
            var approvedLine = i < approvedLines.Length ? approvedLines[i] : "(end of file)";
            var actualLine = i < actualLines.Length ? actualLines[i] : "(end of file)";
            if (approvedLine != actualLine)
            {
                return $"First difference at line {i + 1}:\n  approved: {approvedLine}\n  actual:   {actualLine}";
            }
        }

        return "The texts differ only in line endings or a final line break.";
    }

    // Snapshooter stores text with LF line endings and one final line break, and compares it so.
    private static string Normalize(string text) => text.Replace("\r\n", "\n").TrimEnd('\n') + "\n";

    private static string Relative(string path) =>
        Path.GetRelativePath(RepositoryPaths.Root, path).Replace(Path.DirectorySeparatorChar, '/');

    private static bool IsContinuousIntegration() =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
