using System.Security.Cryptography;

namespace Clevver.Cli.Tests;

/// <summary>A temporary directory with random files, deleted on dispose.</summary>
internal sealed class TempFiles : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("clevver-cli-tests-");

    public string DirectoryPath => _directory.FullName;

    /// <summary>Writes <paramref name="size"/> random bytes to a new file and returns its full path.</summary>
    public string Create(string name, int size)
    {
        var path = Path.Combine(_directory.FullName, name);
        File.WriteAllBytes(path, RandomNumberGenerator.GetBytes(size));
        return path;
    }

    public static string Sha256Of(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    public void Dispose() => _directory.Delete(recursive: true);
}
