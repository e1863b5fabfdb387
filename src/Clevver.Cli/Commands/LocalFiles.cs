using Clevver.Cli.Errors;

namespace Clevver.Cli.Commands;

/// <summary>Checks local files before any request is sent, so that a typo costs no batch.</summary>
internal static class LocalFiles
{
    /// <summary>Checks that each path names an existing, readable file.</summary>
    /// <exception cref="UsageException">A path is empty, a directory, missing or unreadable.</exception>
    public static void CheckReadable(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            CheckReadable(path);
        }
    }

    private static void CheckReadable(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new UsageException("a file path is empty. Pass the path of an existing file.");
        }

        if (Directory.Exists(path))
        {
            throw new UsageException($"'{path}' is a directory. Pass the paths of the files in it instead.");
        }

        if (!File.Exists(path))
        {
            throw new UsageException($"the file '{path}' does not exist. Check the path.");
        }

        try
        {
            using var _ = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1);
        }
        catch (Exception exception) when (exception is UnauthorizedAccessException or IOException)
        {
            throw new UsageException($"the file '{path}' cannot be read: {exception.Message} Check its permissions.");
        }
    }
}
