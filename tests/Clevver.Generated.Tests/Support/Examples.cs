namespace Clevver.Generated.Tests.Support;

/// <summary>The documented response bodies from api/examples, copied next to the tests.</summary>
internal static class Examples
{
    public static string Read(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", name));
}
