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

public sealed class FaultArgumentsTests
{
    public static TheoryData<string, FaultRule> ValidRules => new()
    {
        { "get:429:2", new FaultRule { Route = FaultRoute.Get, Kind = FaultKind.TooManyRequests, Count = 2 } },
        { "upload:503=5", new FaultRule { Route = FaultRoute.Upload, Kind = FaultKind.ServiceUnavailable, RetryAfter = TimeSpan.FromSeconds(5) } },
        { "any:slow=2.5:10", new FaultRule { Route = FaultRoute.Any, Kind = FaultKind.SlowResponse, Delay = TimeSpan.FromSeconds(2.5), Count = 10 } },
        { "list:slow", new FaultRule { Route = FaultRoute.List, Kind = FaultKind.SlowResponse, Delay = TimeSpan.FromSeconds(5) } },
        { "create:500", new FaultRule { Route = FaultRoute.Create, Kind = FaultKind.InternalServerError } },
        { "start:reset:1", new FaultRule { Route = FaultRoute.Start, Kind = FaultKind.ConnectionReset, Count = 1 } },
        { "GET:truncate", new FaultRule { Route = FaultRoute.Get, Kind = FaultKind.TruncatedBody } },
    };

    [Theory]
    [MemberData(nameof(ValidRules))]
    public void Parse_Fault_AddsRule(string value, FaultRule expected)
    {
        ParsedArguments parsed = EmulatorArguments.Parse(["--fault", value]);

        Assert.Null(parsed.Error);
        Assert.Equal(expected, Assert.Single(parsed.Options!.Faults));
    }

    [Fact]
    public void Parse_TwoFaults_KeepsOrder()
    {
        ParsedArguments parsed = EmulatorArguments.Parse(["--fault", "get:429:1", "--fault", "get:500"]);

        Assert.Equal([FaultKind.TooManyRequests, FaultKind.InternalServerError], parsed.Options!.Faults.Select(rule => rule.Kind));
    }

    [Theory]
    [InlineData("get", "expected two or three fields")]
    [InlineData("post:429", "unknown route 'post'")]
    [InlineData("get:404", "unknown kind '404'")]
    [InlineData("get:429:0", "the count '0'")]
    [InlineData("get:500=3", "takes no seconds")]
    [InlineData("get:slow=0", "greater than 0 seconds")]
    [InlineData("get:503=x", "'x' is not a number of seconds")]
    public void Parse_BadFault_ReturnsError(string value, string expected)
    {
        ParsedArguments parsed = EmulatorArguments.Parse(["--fault", value]);

        Assert.Null(parsed.Options);
        Assert.Contains(expected, parsed.Error);
        Assert.StartsWith($"Invalid --fault '{value}'", parsed.Error);
    }

    [Fact]
    public void Parse_Limits_SetsThem()
    {
        ParsedArguments parsed = EmulatorArguments.Parse(["--max-files-per-batch", "3", "--max-header-size", "4096"]);

        Assert.Null(parsed.Error);
        Assert.Equal(3, parsed.Options!.MaxFilesPerBatch);
        Assert.Equal(4096, parsed.Options.MaxRequestHeadersTotalSize);
    }
}
