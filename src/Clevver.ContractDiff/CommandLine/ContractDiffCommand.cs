using Clevver.ContractDiff.Comparison;
using Clevver.ContractDiff.Loading;
using Clevver.ContractDiff.Reporting;
using Clevver.ContractDiff.Versioning;

namespace Clevver.ContractDiff.CommandLine;

/// <summary>Runs the comparison from the command line and maps its outcome to an exit code.</summary>
internal static class ContractDiffCommand
{
    public const int Success = 0;
    public const int BreakingChangeWithoutMajorVersion = 1;
    public const int InvalidInput = 2;

    public const string DefaultBaselinePath = "api/baseline/clevver.openapi.yaml";
    public const string DefaultCurrentPath = "api/clevver.openapi.yaml";

    public static async Task<int> RunAsync(
        IReadOnlyList<string> arguments,
        string workingDirectory,
        TextWriter output,
        TextWriter error,
        CancellationToken cancellationToken = default)
    {
        ContractDiffOptions options;
        try
        {
            options = ContractDiffOptions.Parse(arguments);
        }
        catch (ArgumentException exception)
        {
            await error.WriteLineAsync(exception.Message).ConfigureAwait(false);
            return InvalidInput;
        }

        if (options.ShowHelp)
        {
            await output.WriteLineAsync(ContractDiffOptions.Usage).ConfigureAwait(false);
            return Success;
        }

        var root = RepositoryRoot.Find(workingDirectory);
        var baselinePath = ResolvePath(options.BaselinePath, DefaultBaselinePath, workingDirectory, root);
        var currentPath = ResolvePath(options.CurrentPath, DefaultCurrentPath, workingDirectory, root);
        var baselineName = DisplayName(baselinePath, root);
        var currentName = DisplayName(currentPath, root);

        ContractComparison comparison;
        try
        {
            var baseline = await ContractLoader.LoadFileAsync(baselinePath, cancellationToken).ConfigureAwait(false);
            var current = await ContractLoader.LoadFileAsync(currentPath, cancellationToken).ConfigureAwait(false);
            comparison = ContractComparer.Compare(baseline, current);
        }
        catch (ContractLoadException exception)
        {
            await error.WriteLineAsync(exception.Message).ConfigureAwait(false);
            return InvalidInput;
        }

        var verdict = ReleaseGate.Evaluate(comparison, currentName, baselineName);
        await output.WriteAsync(ChangelogWriter.FormatText(comparison, baselineName, currentName)).ConfigureAwait(false);
        await output.WriteLineAsync().ConfigureAwait(false);
        await (verdict.Passed ? output : error).WriteLineAsync(verdict.Explanation).ConfigureAwait(false);

        if (options.MarkdownPath is not null)
        {
            var markdownPath = Path.GetFullPath(options.MarkdownPath, workingDirectory);
            var markdown = ChangelogWriter.FormatMarkdown(comparison, verdict, baselineName, currentName);
            try
            {
                await File.WriteAllTextAsync(markdownPath, markdown, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"Cannot write the Markdown changelog {markdownPath}: {exception.Message}")
                    .ConfigureAwait(false);
                return InvalidInput;
            }
        }

        return verdict.Passed ? Success : BreakingChangeWithoutMajorVersion;
    }

    private static string ResolvePath(string? commandLinePath, string defaultPath, string workingDirectory, string? root)
    {
        if (commandLinePath is not null)
        {
            return Path.GetFullPath(commandLinePath, workingDirectory);
        }

        // Without a repository root the default is tried from the working directory; a missing file
        // then fails with a message that names the full path.
        return Path.GetFullPath(defaultPath, root ?? workingDirectory);
    }

    private static string DisplayName(string fullPath, string? root)
    {
        if (root is null)
        {
            return fullPath;
        }

        var relative = Path.GetRelativePath(root, fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? fullPath
            : relative.Replace(Path.DirectorySeparatorChar, '/');
    }
}
