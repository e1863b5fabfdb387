namespace Clevver.Conformance.Tests.Support;

/// <summary>A temporary directory of real files, removed on dispose.</summary>
internal sealed class TempFiles : IDisposable
{
    public TempFiles()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("clevver-conformance-").FullName;
    }

    public string Directory { get; }

    /// <summary>Creates a file of <paramref name="size"/> random printable ASCII characters and returns its full path.</summary>
    public string CreateText(string name, int size)
    {
        var bytes = new byte[size];
        for (var i = 0; i < size; i++)
        {
            bytes[i] = (byte)Random.Shared.Next(' ', '~' + 1);
        }

        var path = Path.Combine(Directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Deletes the directory and its files.</summary>
    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary directory is harmless.
        }
    }
}
