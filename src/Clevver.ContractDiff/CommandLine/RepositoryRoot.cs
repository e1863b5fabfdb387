namespace Clevver.ContractDiff.CommandLine;

/// <summary>Finds the repository root: the nearest folder upwards that contains Clevver.Generated.sln.</summary>
internal static class RepositoryRoot
{
    public const string SolutionFileName = "Clevver.Generated.sln";

    /// <summary>
    /// Searches upwards from the working directory, then from the program's own folder, so that
    /// <c>dotnet run --project</c> finds the repository from any directory.
    /// </summary>
    public static string? Find(string workingDirectory)
    {
        return FindFrom(workingDirectory) ?? FindFrom(AppContext.BaseDirectory);
    }

    private static string? FindFrom(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFileName)))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
