namespace Clevver.Generated.SnapshotTests.Support;

/// <summary>Paths in the working tree that the tests compare against.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The repository root: the nearest folder above the test binaries that contains the solution file.</summary>
    public static string Root => RootPath.Value;

    /// <summary>This test project's folder, whose <c>__snapshots__/</c> holds the approved snapshots.</summary>
    public static string TestProject => Path.Combine(Root, "tests", "Clevver.Generated.SnapshotTests");

    public static string Combine(string relativePath) =>
        Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    private static string FindRoot()
    {
        // The test binaries sit below the repository, so walking up finds it. Source paths from
        // [CallerFilePath] are not used, because a CI build maps them to /_/.
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Clevver.Generated.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No folder above '{AppContext.BaseDirectory}' contains Clevver.Generated.sln. Run the tests from a clone of the repository.");
    }
}
