namespace Clevver.Conformance.Tests.Support;

/// <summary>The checkout the tests run from, found by walking up to Clevver.Generated.sln.</summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> s_path = new(Find);

    public static string Path => s_path.Value;

    /// <summary>Returns the full path of a file below the root, for example <c>api/clevver.openapi.yaml</c>.</summary>
    public static string Combine(string relativePath) => System.IO.Path.Combine(Path, relativePath);

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Clevver.Generated.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No directory above {AppContext.BaseDirectory} contains Clevver.Generated.sln. Run the tests from a checkout of the repository.");
    }
}
