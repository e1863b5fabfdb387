using Clevver.Cli.Errors;

namespace Clevver.Cli.Commands;

/// <summary>Checks local files before any request is sent, so that a typo costs no batch.</summary>
internal static class LocalFiles
{
    private static readonly TimeSpan OpenTimeout = TimeSpan.FromSeconds(5);

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
            // System.CommandLine passes an unknown option of 'store' on as a file name.
            throw path.StartsWith('-')
                ? new UsageException($"unrecognized option '{path}'. Run 'clevver store --help' for the options, or write './{path}' for a file of that name.")
                : new UsageException($"the file '{path}' does not exist. Check the path.");
        }

        // Opening a named pipe blocks until a writer appears, and .NET cannot tell a pipe from a
        // regular file before opening it, so the open runs on another thread with a time limit.
        var open = Task.Run(() =>
        {
            using var _ = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1);
        });
        try
        {
            if (!open.Wait(OpenTimeout))
            {
                throw new UsageException($"the file '{path}' could not be opened within {OpenTimeout.TotalSeconds:0} seconds. It may be a named pipe or a device; pass a regular file.");
            }
        }
        catch (AggregateException exception) when (exception.InnerException is UnauthorizedAccessException or IOException)
        {
            var reason = exception.InnerException is FileNotFoundException ? "Check that the path, or the target of a link, exists." : "Check its permissions.";
            throw new UsageException($"the file '{path}' cannot be read: {exception.InnerException.Message} {reason}");
        }
    }
}
