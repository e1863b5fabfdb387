using System.Globalization;
using System.Numerics;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace Clevver.Generated.Benchmarks.Charting;

/// <summary>Draws upload throughput by file size from the CSV report of the upload benchmarks.</summary>
internal static class ThroughputChart
{
    private const string MethodColumn = "Method";
    private const string SizeColumn = "Size";
    private const string MeanColumn = "Mean [ns]";

    /// <summary>Reads <paramref name="reportPath"/> and writes a PNG line chart to <paramref name="chartPath"/>.</summary>
    /// <exception cref="FileNotFoundException">The report does not exist because the upload benchmarks have not run.</exception>
    /// <exception cref="InvalidDataException">The report lacks a column or contains a value that is not a number.</exception>
    public static void Write(string reportPath, string chartPath)
    {
        if (!File.Exists(reportPath))
        {
            throw new FileNotFoundException($"The report '{reportPath}' does not exist. Run the upload benchmarks first, for example with --short.", reportPath);
        }

        var rows = ReadRows(reportPath);
        var sizes = rows.Select(row => row.Size).Distinct().Order().ToArray();
        var plot = new Plot();
        foreach (var method in rows.Select(row => row.Method).Distinct())
        {
            var points = rows.Where(row => row.Method == method).OrderBy(row => row.Size).ToArray();
            double[] xs = [.. points.Select(point => (double)Array.IndexOf(sizes, point.Size))];
            double[] ys = [.. points.Select(point => point.Size / point.MeanNanoseconds * 1_000)];
            var line = plot.Add.Scatter(xs, ys);
            line.LegendText = method;
            line.LineWidth = 2;
            line.MarkerSize = 8;
        }

        // The sizes differ by factors of 256 and more, so they are placed at even steps.
        plot.Axes.Bottom.TickGenerator = new NumericManual([.. sizes.Select((_, index) => (double)index)], [.. sizes.Select(FormatSize)]);
        plot.Axes.Bottom.Label.Text = "File size";
        plot.Axes.Left.Label.Text = "Throughput (MB/s, 10^6 bytes)";
        plot.Title("Upload body + SHA-256 to Stream.Null, by file size");
        plot.Axes.SetLimitsY(0, rows.Max(row => row.Size / row.MeanNanoseconds * 1_000) * 1.1);
        plot.ShowLegend(Alignment.UpperLeft);
        plot.SavePng(chartPath, 1000, 600);
    }

    private static List<(string Method, long Size, double MeanNanoseconds)> ReadRows(string reportPath)
    {
        var lines = File.ReadAllLines(reportPath);
        var header = lines[0].Split(';');
        var methodIndex = IndexOf(header, MethodColumn, reportPath);
        var sizeIndex = IndexOf(header, SizeColumn, reportPath);
        var meanIndex = IndexOf(header, MeanColumn, reportPath);

        var rows = new List<(string, long, double)>();
        foreach (var line in lines.Skip(1).Where(line => line.Length > 0))
        {
            // Cells with a comma are in double quotes, and descriptions are in single quotes.
            var cells = line.Split(';').Select(cell => cell.Trim('"').Trim('\'')).ToArray();
            rows.Add((cells[methodIndex], ParseNumber<long>(cells[sizeIndex], reportPath), ParseNumber<double>(cells[meanIndex], reportPath)));
        }

        return rows;
    }

    private static int IndexOf(string[] header, string column, string reportPath)
    {
        var index = Array.IndexOf(header, column);
        return index >= 0 ? index : throw new InvalidDataException($"The report '{reportPath}' has no '{column}' column.");
    }

    private static T ParseNumber<T>(string cell, string reportPath)
        where T : INumber<T>
    {
        // BenchmarkDotNet groups thousands with commas even in the invariant culture.
        return T.TryParse(cell.Replace(",", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidDataException($"The report '{reportPath}' contains '{cell}' where a number is expected.");
    }

    private static string FormatSize(long bytes) => bytes switch
    {
        >= 1024 * 1024 => $"{bytes / (1024 * 1024)} MiB",
        >= 1024 => $"{bytes / 1024} KiB",
        _ => $"{bytes} B",
    };
}
