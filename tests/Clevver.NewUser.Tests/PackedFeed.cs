using System.Text.RegularExpressions;

namespace Clevver.NewUser.Tests;

/// <summary>
/// Packs Clevver.Generated and the clevver tool once into a temporary folder feed, with a NuGet
/// configuration and package folder of its own, shared by every test of the collection.
/// </summary>
public sealed partial class PackedFeed : IAsyncLifetime
{
    public string Root { get; } = Directory.CreateTempSubdirectory("clevver-newuser-").FullName;

    public string FeedDirectory => Path.Combine(Root, "feed");

    /// <summary>The version of the packed Clevver.Generated, which the contract's info.version sets.</summary>
    public string LibraryVersion { get; private set; } = string.Empty;

    /// <summary>The version of the packed tool.</summary>
    public string ToolVersion { get; private set; } = string.Empty;

    /// <summary>A nuget.config with the feed first and nuget.org for the dependencies.</summary>
    public string NuGetConfig => Path.Combine(Root, "nuget.config");

    /// <summary>A nuget.config with the feed only, for installing the tool.</summary>
    public string FeedOnlyNuGetConfig => Path.Combine(Root, "feed-only", "nuget.config");

    /// <summary>
    /// Variables for every child: packages are extracted into a folder of this fixture, so a package
    /// packed here never lands in the user's package cache, where a later pack of the same version would
    /// not replace it. The user's cache is a fallback folder, so dependencies need no download.
    /// </summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["NUGET_PACKAGES"] = Path.Combine(Root, "packages"),
        ["DOTNET_CLI_HOME"] = Path.Combine(Root, "home"),
    };

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(FeedDirectory);
        WriteNuGetConfigs();

        // Release keeps these packs away from the Debug outputs that the other test projects run from.
        foreach (var project in new[] { "src/Clevver.Generated", "src/Clevver.Cli" })
        {
            var pack = await Dotnet.RunAsync(RepositoryRoot, ["pack", project, "-c", "Release", "-o", FeedDirectory, "--nologo"]);
            if (pack.ExitCode != 0)
            {
                throw new InvalidOperationException($"dotnet pack {project} failed: {pack}");
            }
        }

        LibraryVersion = VersionOf("Clevver.Generated");
        ToolVersion = VersionOf("Clevver.Cli");
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary directory is harmless.
        }

        return Task.CompletedTask;
    }

    /// <summary>Creates an empty directory under the fixture's root, outside the repository.</summary>
    public string CreateDirectory(string name)
    {
        var path = Path.Combine(Root, name);
        Directory.CreateDirectory(path);

        // Empty props files stop MSBuild from searching parent directories for others.
        File.WriteAllText(Path.Combine(path, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(path, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(path, "Directory.Packages.props"), "<Project />\n");
        File.Copy(NuGetConfig, Path.Combine(path, "nuget.config"));
        return path;
    }

    private void WriteNuGetConfigs()
    {
        var userPackages = System.Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        File.WriteAllText(NuGetConfig, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="clevver-feed" value="{FeedDirectory}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="clevver-feed">
                  <package pattern="Clevver.*" />
                </packageSource>
                <packageSource key="nuget.org">
                  <package pattern="*" />
                </packageSource>
              </packageSourceMapping>
              <fallbackPackageFolders>
                <add key="user" value="{userPackages}" />
              </fallbackPackageFolders>
            </configuration>
            """);

        Directory.CreateDirectory(Path.GetDirectoryName(FeedOnlyNuGetConfig)!);
        File.WriteAllText(FeedOnlyNuGetConfig, """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
              </packageSources>
            </configuration>
            """);
    }

    private string VersionOf(string packageId)
    {
        var pattern = new Regex($"^{Regex.Escape(packageId)}\\.(\\d+\\.\\d+\\.\\d+(?:-[0-9A-Za-z.-]+)?)\\.nupkg$");
        var versions = Directory.GetFiles(FeedDirectory)
            .Select(path => pattern.Match(Path.GetFileName(path)))
            .Where(match => match.Success)
            .Select(match => match.Groups[1].Value)
            .ToList();
        return versions.Count == 1
            ? versions[0]
            : throw new InvalidOperationException($"Expected one {packageId} package in {FeedDirectory}, found {versions.Count}.");
    }

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

/// <summary>The tests that share one <see cref="PackedFeed"/>. They run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class PackedFeedCollection : ICollectionFixture<PackedFeed>
{
    public const string Name = "Packed feed";
}
