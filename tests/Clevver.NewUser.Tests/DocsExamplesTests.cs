using System.Text;
using System.Text.RegularExpressions;

namespace Clevver.NewUser.Tests;

/// <summary>
/// Compiles every <c>```csharp</c> block of README.md and docs/*.md against the packed library, so
/// that an example that no longer compiles fails here. A block that declares a type is compiled as a
/// file; any other block is a program and is compiled as the body of a method with <c>args</c>.
/// </summary>
[Collection(PackedFeedCollection.Name)]
public partial class DocsExamplesTests(PackedFeed feed)
{
    [Fact]
    public async Task DocsExamples_Compile()
    {
        var blocks = ExtractBlocks().ToList();
        var project = feed.CreateDirectory("docs-examples");
        File.WriteAllText(Path.Combine(project, "docs-examples.csproj"), ExamplesProject(feed.LibraryVersion));
        for (var index = 0; index < blocks.Count; index++)
        {
            File.WriteAllText(Path.Combine(project, $"Example{index}.cs"), ToSource(index, blocks[index]));
        }

        var build = await Dotnet.RunAsync(project, ["build", "--nologo"], feed.Environment);

        Assert.NotEmpty(blocks);
        Assert.Contains(blocks, block => block.Source == "README.md");
        Assert.True(build.ExitCode == 0, $"An example in the docs does not compile. Blocks: {string.Join(", ", blocks.Select(block => block.Source))}\n{build}");
    }

    private static IEnumerable<(string Source, string Code)> ExtractBlocks()
    {
        var root = PackedFeed.RepositoryRoot;
        var files = new[] { Path.Combine(root, "README.md") }.Concat(Directory.GetFiles(Path.Combine(root, "docs"), "*.md").Order());
        foreach (var file in files)
        {
            foreach (Match match in CSharpBlock().Matches(File.ReadAllText(file)))
            {
                yield return (Path.GetRelativePath(root, file), match.Groups["code"].Value);
            }
        }
    }

    private static string ToSource(int index, (string Source, string Code) block)
    {
        var header = $"// {block.Source}, C# block {index}\n";
        if (TypeDeclaration().IsMatch(block.Code))
        {
            return header + block.Code;
        }

        var usings = new StringBuilder();
        var body = new StringBuilder();
        foreach (var line in block.Code.Split('\n'))
        {
            (UsingDirective().IsMatch(line) ? usings : body).AppendLine(line);
        }

        return $$"""
            {{header}}{{usings}}
            internal static class Example{{index}}
            {
                public static async Task RunAsync(string[] args)
                {
            {{body}}
                    await Task.CompletedTask;
                }
            }
            """;
    }

    private static string ExamplesProject(string version) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Library</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
          </PropertyGroup>
          <ItemGroup>
            <FrameworkReference Include="Microsoft.AspNetCore.App" />
            <PackageReference Include="Clevver.Generated" Version="{version}" />
            <PackageReference Include="Microsoft.Extensions.Hosting" Version="10.0.0" />
          </ItemGroup>
        </Project>
        """;

    [GeneratedRegex(@"^```csharp[ \t]*\r?\n(?<code>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    [GeneratedRegex(@"^\s*(public\s+|internal\s+)?(sealed\s+|static\s+|partial\s+)*(class|record|interface)\s", RegexOptions.Multiline)]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"^using\s+(static\s+)?[A-Za-z_][\w.]*\s*(=\s*[\w.]+\s*)?;\s*$")]
    private static partial Regex UsingDirective();
}
