using System.Text;
using Clevver.ContractDiff.Comparison;
using Clevver.ContractDiff.Versioning;

namespace Clevver.ContractDiff.Reporting;

/// <summary>Writes a comparison as a changelog grouped into breaking and non-breaking changes.</summary>
public static class ChangelogWriter
{
    /// <summary>Formats the changelog as plain text for a terminal or a CI log.</summary>
    /// <param name="comparison">The comparison to write.</param>
    /// <param name="baselinePath">The baseline contract's path, named in the heading.</param>
    /// <param name="currentPath">The current contract's path, named in the heading.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static string FormatText(ContractComparison comparison, string baselinePath, string currentPath)
    {
        ArgumentNullException.ThrowIfNull(comparison);

        var text = new StringBuilder();
        text.AppendLine(
            $"Contract changes from {baselinePath} ({comparison.BaselineVersion}) to {currentPath} ({comparison.CurrentVersion})");
        if (comparison.Changes.Count == 0)
        {
            text.AppendLine();
            text.AppendLine("No differences.");
            return text.ToString();
        }

        AppendTextGroup(text, "Breaking", comparison.BreakingChanges.ToList());
        AppendTextGroup(text, "Non-breaking", comparison.NonBreakingChanges.ToList());
        return text.ToString();
    }

    /// <summary>Formats the changelog and the gate's verdict as a Markdown page.</summary>
    /// <param name="comparison">The comparison to write.</param>
    /// <param name="verdict">The release gate's verdict, written at the end.</param>
    /// <param name="baselinePath">The baseline contract's path, named in the heading.</param>
    /// <param name="currentPath">The current contract's path, named in the heading.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static string FormatMarkdown(
        ContractComparison comparison,
        ReleaseVerdict verdict,
        string baselinePath,
        string currentPath)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(verdict);

        var markdown = new StringBuilder();
        markdown.AppendLine("# Contract changes");
        markdown.AppendLine();
        markdown.AppendLine(
            $"From `{baselinePath}` ({comparison.BaselineVersion}) to `{currentPath}` ({comparison.CurrentVersion}).");
        if (comparison.Changes.Count == 0)
        {
            markdown.AppendLine();
            markdown.AppendLine("No differences.");
        }
        else
        {
            AppendMarkdownGroup(markdown, "Breaking", comparison.BreakingChanges.ToList());
            AppendMarkdownGroup(markdown, "Non-breaking", comparison.NonBreakingChanges.ToList());
        }

        markdown.AppendLine();
        markdown.AppendLine("## Result");
        markdown.AppendLine();
        markdown.AppendLine(verdict.Explanation);
        return markdown.ToString();
    }

    private static void AppendTextGroup(StringBuilder text, string title, IReadOnlyList<ContractChange> changes)
    {
        text.AppendLine();
        text.AppendLine($"{title} ({changes.Count}):");
        foreach (var change in changes)
        {
            text.AppendLine($"  - {change}");
        }
    }

    private static void AppendMarkdownGroup(StringBuilder markdown, string title, IReadOnlyList<ContractChange> changes)
    {
        markdown.AppendLine();
        markdown.AppendLine($"## {title} ({changes.Count})");
        markdown.AppendLine();
        if (changes.Count == 0)
        {
            markdown.AppendLine("None.");
            return;
        }

        foreach (var change in changes)
        {
            markdown.AppendLine($"- `{change.Location}`: {change.Description}");
        }
    }
}
