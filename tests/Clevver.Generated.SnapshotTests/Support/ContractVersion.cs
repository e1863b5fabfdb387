namespace Clevver.Generated.SnapshotTests.Support;

/// <summary>Reads <c>info.version</c> of the contract line by line, independently of the build's regular expression.</summary>
internal static class ContractVersion
{
    public static string Read(string contractText)
    {
        var inInfo = false;
        foreach (var line in contractText.Replace("\r\n", "\n").Split('\n'))
        {
            if (line.Length > 0 && !char.IsWhiteSpace(line[0]))
            {
                inInfo = line.TrimEnd() == "info:";
                continue;
            }

            var trimmed = line.Trim();
            if (inInfo && line.StartsWith("  version:", StringComparison.Ordinal))
            {
                return trimmed["version:".Length..].Trim().Trim('\'', '"');
            }
        }

        throw new InvalidOperationException("The contract has no 'version:' line directly under 'info:'.");
    }
}
