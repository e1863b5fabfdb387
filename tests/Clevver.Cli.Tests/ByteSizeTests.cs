using Clevver.Cli.Output;

namespace Clevver.Cli.Tests;

public sealed class ByteSizeTests
{
    [Theory]
    [InlineData(0, "0 B")]
    [InlineData(999, "999 B")]
    [InlineData(1000, "1.0 kB")]
    [InlineData(1500, "1.5 kB")]
    [InlineData(999_949, "999.9 kB")]
    [InlineData(999_950, "1.0 MB")]
    [InlineData(1_700_000, "1.7 MB")]
    [InlineData(5_000_000_000, "5.0 GB")]
    [InlineData(long.MaxValue, "9.2 EB")]
    public void Format_UsesSiUnits(long bytes, string expected)
    {
        var text = ByteSize.Format(bytes);

        Assert.Equal(expected, text);
    }
}
