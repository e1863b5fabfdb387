using Clevver.Emulator.CommandLine;

namespace Clevver.Emulator.Tests;

public sealed class EmulatorArgumentsTests
{
    [Fact]
    public void Parse_AllOptions_SetsThem()
    {
        string[] args = ["--port", "6000", "--token", "T", "--data-dir", "/tmp/d", "--delivery-time", "2.5", "--max-file-size", "4096"];

        ParsedArguments parsed = EmulatorArguments.Parse(args);

        Assert.Null(parsed.Error);
        Assert.Equal(6000, parsed.Options!.Port);
        Assert.Equal("T", parsed.Options.Token);
        Assert.Equal("/tmp/d", parsed.Options.DataDirectory);
        Assert.Equal(TimeSpan.FromSeconds(2.5), parsed.Options.DeliveryTime);
        Assert.Equal(4096, parsed.Options.MaxFileSize);
    }

    [Fact]
    public void Parse_NoArguments_UsesPort5080()
    {
        ParsedArguments parsed = EmulatorArguments.Parse([]);

        Assert.Null(parsed.Error);
        Assert.Equal(5080, parsed.Options!.Port);
        Assert.Null(parsed.Options.Token);
        Assert.Equal(TimeSpan.FromSeconds(10), parsed.Options.DeliveryTime);
    }

    [Fact]
    public void Parse_Help_RequestsHelp()
    {
        ParsedArguments parsed = EmulatorArguments.Parse(["--help"]);

        Assert.True(parsed.ShowHelp);
    }

    [Theory]
    [InlineData("--port", "http", "Invalid --port 'http'")]
    [InlineData("--port", "70000", "Invalid --port '70000'")]
    [InlineData("--port", "-1", "Invalid --port '-1'")]
    [InlineData("--delivery-time", "0", "Invalid --delivery-time '0'")]
    [InlineData("--delivery-time", "ten", "Invalid --delivery-time 'ten'")]
    [InlineData("--max-file-size", "0", "Invalid --max-file-size '0'")]
    [InlineData("--token", "a b", "Invalid --token")]
    [InlineData("--colour", "red", "Unknown option '--colour'")]
    public void Parse_BadValue_ReturnsError(string name, string value, string expected)
    {
        ParsedArguments parsed = EmulatorArguments.Parse([name, value]);

        Assert.Null(parsed.Options);
        Assert.StartsWith(expected, parsed.Error);
    }

    [Fact]
    public void Parse_MissingValue_ReturnsError()
    {
        ParsedArguments parsed = EmulatorArguments.Parse(["--port"]);

        Assert.Equal("The option --port needs a value.", parsed.Error);
    }
}
