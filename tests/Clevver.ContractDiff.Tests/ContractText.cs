namespace Clevver.ContractDiff.Tests;

/// <summary>The real contract text and small edits of it, which fail loudly when the text they edit is gone.</summary>
internal static class ContractText
{
    private static readonly Lazy<string> RepositoryRootPath = new(FindRepositoryRoot);

    public static string RepositoryRoot => RepositoryRootPath.Value;

    public static string Read() =>
        File.ReadAllText(Path.Combine(RepositoryRoot, "api", "clevver.openapi.yaml")).ReplaceLineEndings("\n");

    public static string Replace(this string text, string find, string replacement, bool once)
    {
        var index = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(index >= 0, $"The contract no longer contains the text this edit expects: {find}");
        Assert.True(!once || text.IndexOf(find, index + 1, StringComparison.Ordinal) < 0, $"The text occurs more than once: {find}");

        return text[..index] + replacement + text[(index + find.Length)..];
    }

    public static string ReplaceOnce(this string text, string find, string replacement) =>
        text.Replace(find, replacement, once: true);

    /// <summary>Removes the text from the start marker up to, not including, the end marker.</summary>
    public static string RemoveBetween(this string text, string start, string end)
    {
        var startIndex = text.IndexOf(start, StringComparison.Ordinal);
        Assert.True(startIndex >= 0, $"The contract no longer contains the text this edit expects: {start}");
        var endIndex = text.IndexOf(end, startIndex, StringComparison.Ordinal);
        Assert.True(endIndex >= 0, $"The contract no longer contains the text this edit expects: {end}");

        return text[..startIndex] + text[endIndex..];
    }

    public static string WithVersion(this string text, string version) =>
        text.ReplaceOnce("  version: 1.0.0\n", $"  version: {version}\n");

    public static string WithoutAssetChecksum(this string text) =>
        text.ReplaceOnce("updated_at, checksum, name]", "updated_at, name]")
            .RemoveBetween("        checksum:\n          type: string\n", "        user_id:\n");

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Clevver.Generated.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Clevver.Generated.sln above {AppContext.BaseDirectory}.");
    }
}
