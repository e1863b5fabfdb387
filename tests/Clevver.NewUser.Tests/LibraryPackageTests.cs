using System.Security.Cryptography;
using Clevver.Emulator;

namespace Clevver.NewUser.Tests;

[Collection(PackedFeedCollection.Name)]
public class LibraryPackageTests(PackedFeed feed)
{
    private const string Program = """
        using Clevver.Generated;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;

        var builder = Host.CreateApplicationBuilder(args);
        builder.Services.AddClevverClient();   // CLEVVER_API_URL and CLEVVER_TOKEN from the environment
        using var host = builder.Build();
        await host.StartAsync();

        var clevver = host.Services.GetRequiredService<IBatchesClient>();
        var result = await clevver.StoreAsync([args[0]]);
        Console.WriteLine($"sha256 {result.Files[0].Upload.Sha256}");
        Console.WriteLine($"batch {result.Batch.Id} {result.Batch.Status}");
        """;

    [Fact]
    public async Task PackageFromFeed_StoresFileThroughDependencyInjection()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { DeliveryTime = TimeSpan.FromSeconds(1) });
        var project = feed.CreateDirectory("console-app");
        File.WriteAllText(Path.Combine(project, "console-app.csproj"), ConsoleProject(feed.LibraryVersion));
        File.WriteAllText(Path.Combine(project, "Program.cs"), Program);
        var file = Path.Combine(project, "report.bin");
        File.WriteAllBytes(file, RandomNumberGenerator.GetBytes(10_000));
        var environment = new Dictionary<string, string>(feed.Environment)
        {
            ["CLEVVER_API_URL"] = emulator.BaseAddress.ToString(),
            ["CLEVVER_TOKEN"] = emulator.Token,
        };

        var run = await Dotnet.RunAsync(project, ["run", "--", file], environment);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"sha256 {Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)))}", run.Output);
        Assert.Contains(" delivered", run.Output);
    }

    [Fact]
    public void Package_HasReadmeLicenseAndSymbols()
    {
        var package = Path.Combine(feed.FeedDirectory, $"Clevver.Generated.{feed.LibraryVersion}.nupkg");
        using var archive = System.IO.Compression.ZipFile.OpenRead(package);
        var entries = archive.Entries.Select(entry => entry.FullName).ToList();
        var nuspec = new StreamReader(archive.GetEntry("Clevver.Generated.nuspec")!.Open()).ReadToEnd();

        Assert.Contains("README.md", entries);
        Assert.Contains("lib/net10.0/Clevver.Generated.xml", entries);
        Assert.Contains("<license type=\"expression\">MIT</license>", nuspec);
        Assert.Contains("<readme>README.md</readme>", nuspec);
        Assert.True(File.Exists(Path.ChangeExtension(package, ".snupkg")), "The symbols package is missing.");
    }

    private static string ConsoleProject(string version) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Clevver.Generated" Version="{version}" />
            <PackageReference Include="Microsoft.Extensions.Hosting" Version="10.0.0" />
          </ItemGroup>
        </Project>
        """;
}
