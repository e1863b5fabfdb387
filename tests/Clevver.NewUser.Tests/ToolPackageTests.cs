using System.Security.Cryptography;

namespace Clevver.NewUser.Tests;

[Collection(PackedFeedCollection.Name)]
public class ToolPackageTests(PackedFeed feed)
{
    [Fact]
    public async Task Tool_InstallsFromFeedAndStores()
    {
        var toolPath = Path.Combine(feed.Root, "tools");
        var work = feed.CreateDirectory("tool-user");
        var file = Path.Combine(work, "photo.png");
        File.WriteAllBytes(file, RandomNumberGenerator.GetBytes(5_000));

        var install = await Dotnet.RunAsync(
            work,
            ["tool", "install", "Clevver.Cli", "--tool-path", toolPath, "--add-source", feed.FeedDirectory, "--configfile", feed.FeedOnlyNuGetConfig, "--version", feed.ToolVersion],
            feed.Environment);
        var clevver = Path.Combine(toolPath, "clevver");
        var store = await Dotnet.RunProgramAsync(clevver, work, ["store", "--emulator", file], feed.Environment);
        var help = await Dotnet.RunProgramAsync(clevver, work, ["--help"], feed.Environment);

        Assert.True(install.ExitCode == 0, install.ToString());
        Assert.True(store.ExitCode == 0, store.ToString());
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file))), store.Output);
        Assert.Contains(" delivered", store.Output);
        Assert.True(help.ExitCode == 0, help.ToString());
        Assert.Contains("emulator", help.Output);
        Assert.Contains("Exit codes:", help.Output);
    }
}
