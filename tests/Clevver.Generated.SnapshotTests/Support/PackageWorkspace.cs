using System.Diagnostics;
using System.IO.Compression;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;

namespace Clevver.Generated.SnapshotTests.Support;

/// <summary>The outcome of one <c>dotnet pack</c>.</summary>
internal sealed record PackResult(int ExitCode, string Output, string PackageFolder)
{
    /// <summary>The file names of the packages that the pack wrote.</summary>
    public string[] PackageNames =>
        Directory.Exists(PackageFolder)
            ? Directory.GetFiles(PackageFolder, "*.nupkg").Select(Path.GetFileName).OfType<string>().Order().ToArray()
            : [];

    /// <summary>Reads the informational version of the assembly inside the one package that was written.</summary>
    public string ReadInformationalVersion()
    {
        var package = Path.Combine(PackageFolder, PackageNames.Single());
        var extracted = Path.Combine(PackageFolder, "extracted");
        ZipFile.ExtractToDirectory(package, extracted, overwriteFiles: true);
        var assemblyPath = Path.Combine(extracted, "lib", "net10.0", "Clevver.Generated.dll");

        // A collectible context keeps the packed assembly apart from the one the tests reference.
        var context = new AssemblyLoadContext("packed Clevver.Generated", isCollectible: true);
        try
        {
            using var stream = File.OpenRead(assemblyPath);
            var assembly = context.LoadFromStream(stream);
            return assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                ?? throw new InvalidOperationException($"{assemblyPath} has no AssemblyInformationalVersionAttribute.");
        }
        finally
        {
            context.Unload();
        }
    }
}

/// <summary>
/// A temporary copy of the files that build the Clevver.Generated package, so that a test can edit
/// the contract and run <c>dotnet pack</c> without touching the working tree.
/// </summary>
internal sealed class PackageWorkspace : IDisposable
{
    // A guard against a hung child only. A pack generates the client and compiles it, which takes
    // well under a minute; the limit leaves room for a loaded machine.
    private static readonly TimeSpan HangLimit = TimeSpan.FromMinutes(8);

    private PackageWorkspace(string root) => Root = root;

    public string Root { get; }

    public string ContractPath => Path.Combine(Root, "api", "clevver.openapi.yaml");

    public static PackageWorkspace Create()
    {
        var root = Path.Combine(Path.GetTempPath(), "clevver-pack-" + Guid.NewGuid().ToString("N"));
        // The root files hold the build settings, nswag.json, and files that the package includes.
        foreach (var file in Directory.GetFiles(RepositoryPaths.Root))
        {
            CopyFile(file, Path.Combine(root, Path.GetFileName(file)));
        }

        CopyFolder(RepositoryPaths.Combine("api"), Path.Combine(root, "api"));
        CopyFolder(RepositoryPaths.Combine("src/Clevver.Generated"), Path.Combine(root, "src", "Clevver.Generated"));
        return new PackageWorkspace(root);
    }

    /// <summary>Replaces <paramref name="oldText"/> in the contract, which must contain it exactly once.</summary>
    public void EditContract(string oldText, string newText)
    {
        var contract = File.ReadAllText(ContractPath);
        var first = contract.IndexOf(oldText, StringComparison.Ordinal);
        if (first < 0 || contract.IndexOf(oldText, first + 1, StringComparison.Ordinal) >= 0)
        {
            throw new InvalidOperationException($"The contract does not contain this text exactly once:\n{oldText}");
        }

        File.WriteAllText(ContractPath, contract.Replace(oldText, newText, StringComparison.Ordinal));
    }

    public string GeneratedFilePath => Path.Combine(Root, "src", "Clevver.Generated", "Generated", "ClevverClient.g.cs");

    public async Task<PackResult> PackAsync()
    {
        var output = Path.Combine(Root, "packages");
        var (exitCode, text) = await RunDotnetAsync("pack", "src/Clevver.Generated", "-o", output);
        return new PackResult(exitCode, text, output);
    }

    /// <summary>Builds the client project at detailed verbosity, which logs each skipped target.</summary>
    public Task<(int ExitCode, string Output)> BuildAsync() =>
        RunDotnetAsync("build", "src/Clevver.Generated", "-v:d");

    private async Task<(int ExitCode, string Output)> RunDotnetAsync(params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments.Concat(["-nodeReuse:false", "-p:UseSharedCompilation=false"]))
        {
            startInfo.ArgumentList.Add(argument);
        }

        // The child is a build of its own, not a part of this test run.
        startInfo.Environment.Remove("MSBuildExtensionsPath");
        startInfo.Environment.Remove("MSBUILD_EXE_PATH");
        startInfo.Environment.Remove("MSBuildSDKsPath");

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"dotnet {arguments[0]} did not start.");
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        using var hang = new CancellationTokenSource(HangLimit);
        try
        {
            await process.WaitForExitAsync(hang.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {arguments[0]} in {Root} did not exit within {HangLimit}.");
        }

        var text = new StringBuilder().Append(await standardOutput).Append(await standardError).ToString();
        return (process.ExitCode, text);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by an exiting build server stays behind in the temp folder.
        }
    }

    private static void CopyFolder(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            var top = relative.Split(Path.DirectorySeparatorChar)[0];
            if (top is "bin" or "obj" or "Generated")
            {
                continue;
            }

            CopyFile(file, Path.Combine(target, relative));
        }
    }

    private static void CopyFile(string source, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(source, target);
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path : "dotnet";
}
