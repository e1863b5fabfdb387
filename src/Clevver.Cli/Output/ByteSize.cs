using System.Globalization;

namespace Clevver.Cli.Output;

/// <summary>Formats byte counts for people, in SI units (1 kB = 1000 bytes), as Clevver prices storage per MB.</summary>
internal static class ByteSize
{
    private static readonly string[] Units = ["kB", "MB", "GB", "TB", "PB", "EB"];

    /// <summary>Formats <paramref name="bytes"/> with one decimal above 1000 bytes, for example <c>512 B</c> or <c>1.7 MB</c>.</summary>
    public static string Format(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);

        if (bytes < 1000)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{bytes} B");
        }

        double value = bytes;
        var unit = -1;
        // Rounding to one decimal may reach 1000.0, so that value moves to the next unit as well.
        while (Math.Round(value, 1) >= 1000 && unit < Units.Length - 1)
        {
            value /= 1000;
            unit++;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{value:0.0} {Units[unit]}");
    }
}
