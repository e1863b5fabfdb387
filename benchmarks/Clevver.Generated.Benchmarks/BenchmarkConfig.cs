using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Csv;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;
using Perfolizer.Metrology;
using System.Globalization;

namespace Clevver.Generated.Benchmarks;

/// <summary>The configuration that every benchmark class in this program runs with.</summary>
internal static class BenchmarkConfig
{
    /// <summary>
    /// The CSV report style that <see cref="Charting.ThroughputChart"/> reads: plain numbers in
    /// nanoseconds and bytes, with the units in the header only.
    /// </summary>
    public static readonly SummaryStyle CsvStyle = new(
        CultureInfo.InvariantCulture,
        printUnitsInHeader: true,
        sizeUnit: SizeUnit.B,
        timeUnit: TimeUnit.Nanosecond,
        printUnitsInContent: false);

    /// <summary>
    /// Creates the configuration: allocations per operation, markdown and CSV reports, and either the
    /// default job or a short in-process job.
    /// </summary>
    /// <param name="shortRun">
    /// True for a quick check: 1 launch, 3 warm-up and 3 measured iterations, run in this process so
    /// that no separate benchmark project is built. Its error bars are wide.
    /// </param>
    /// <param name="artifactsPath">Directory for the logs and reports.</param>
    public static IConfig Create(bool shortRun, string artifactsPath)
    {
        var job = shortRun
            ? Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("ShortRun")
            : Job.Default;

        // DefaultConfig already exports markdown and CSV with units in each cell, so only its loggers,
        // columns, analysers and validators are taken over.
        var defaults = DefaultConfig.Instance;
        return ManualConfig.CreateEmpty()
            .AddLogger([.. defaults.GetLoggers()])
            .AddColumnProvider([.. defaults.GetColumnProviders()])
            .AddAnalyser([.. defaults.GetAnalysers()])
            .AddValidator([.. defaults.GetValidators()])
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(StatisticColumn.Median)
            .AddExporter(MarkdownExporter.GitHub)
            .AddExporter(new CsvExporter(CsvSeparator.Semicolon, CsvStyle))
            .WithArtifactsPath(artifactsPath);
    }
}
