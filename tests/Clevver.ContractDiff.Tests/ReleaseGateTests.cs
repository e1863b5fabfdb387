using Clevver.ContractDiff.Loading;
using Clevver.ContractDiff.Versioning;

namespace Clevver.ContractDiff.Tests;

public sealed class ReleaseGateTests
{
    [Theory]
    [InlineData("1.0.0", 1)]
    [InlineData("2.3.4-beta.1", 2)]
    [InlineData("v10.1", 10)]
    [InlineData("3", 3)]
    [InlineData("latest", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void ParseMajor_Version_ReturnsMajorNumber(string? version, int? expected)
    {
        Assert.Equal(expected, ReleaseGate.ParseMajor(version));
    }

    [Fact]
    public void Parse_JsonContract_ReadsDocument()
    {
        const string json = """{"openapi": "3.0.3", "info": {"title": "T", "version": "1.2.3"}, "paths": {}}""";

        var document = ContractLoader.Parse(json, "inline.json");

        Assert.Equal("1.2.3", document.Info.Version);
    }
}
