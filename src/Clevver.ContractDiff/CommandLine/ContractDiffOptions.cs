namespace Clevver.ContractDiff.CommandLine;

/// <summary>The parsed command line.</summary>
/// <param name="BaselinePath">The value of --baseline, or null for the default.</param>
/// <param name="CurrentPath">The value of --current, or null for the default.</param>
/// <param name="MarkdownPath">The value of --markdown, or null to write no Markdown file.</param>
/// <param name="ShowHelp">True when --help or -h was given.</param>
internal sealed record ContractDiffOptions(string? BaselinePath, string? CurrentPath, string? MarkdownPath, bool ShowHelp)
{
    public const string Usage =
        """
        Usage: Clevver.ContractDiff [--baseline FILE] [--current FILE] [--markdown FILE]

        Compares the released OpenAPI contract with the current one, prints every difference grouped
        as breaking or non-breaking for a generated client, and fails when there is a breaking change
        and the major number of info.version was not raised.

        Options:
          --baseline FILE   The released contract. Default: api/baseline/clevver.openapi.yaml
          --current FILE    The contract to check. Default: api/clevver.openapi.yaml
          --markdown FILE   Also write the changelog and the result to FILE as Markdown.
          -h, --help        Show this text.

        Default paths are resolved from the repository root (the folder with Clevver.Generated.sln);
        paths given on the command line are resolved from the current directory.

        Exit codes: 0 no breaking change, or the major version was raised; 1 a breaking change without
        a major version increase; 2 invalid arguments or a contract that cannot be read.
        """;

    /// <summary>Parses the arguments.</summary>
    /// <exception cref="ArgumentException">An option is unknown or has no value.</exception>
    public static ContractDiffOptions Parse(IReadOnlyList<string> arguments)
    {
        string? baseline = null;
        string? current = null;
        string? markdown = null;
        var showHelp = false;

        for (var index = 0; index < arguments.Count; index++)
        {
            var argument = arguments[index];
            switch (argument)
            {
                case "-h" or "--help":
                    showHelp = true;
                    break;
                case "--baseline":
                    baseline = ReadValue(arguments, ref index);
                    break;
                case "--current":
                    current = ReadValue(arguments, ref index);
                    break;
                case "--markdown":
                    markdown = ReadValue(arguments, ref index);
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{argument}'. Run with --help to list the options.");
            }
        }

        return new ContractDiffOptions(baseline, current, markdown, showHelp);
    }

    private static string ReadValue(IReadOnlyList<string> arguments, ref int index)
    {
        var option = arguments[index];
        if (index + 1 >= arguments.Count || arguments[index + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new ArgumentException($"The option {option} is missing its file path.");
        }

        index++;
        return arguments[index];
    }
}
