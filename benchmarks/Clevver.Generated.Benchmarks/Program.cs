using BenchmarkDotNet.Running;
using Clevver.Generated.Benchmarks;
using Clevver.Generated.Benchmarks.Charting;
using Clevver.Generated.Benchmarks.EndToEnd;
using Clevver.Generated.Benchmarks.Json;
using Clevver.Generated.Benchmarks.Uploads;

// Usage:
//   dotnet run -c Release --project benchmarks/Clevver.Generated.Benchmarks [-- --short] [BenchmarkDotNet options]
//   dotnet run -c Release --project benchmarks/Clevver.Generated.Benchmarks -- --chart
// --short runs a 3-iteration job in this process. --chart draws the upload throughput chart from
// the CSV report of the last run. Without --filter, every benchmark runs.
var projectDirectory = FindProjectDirectory();
var artifactsPath = Path.Combine(projectDirectory, "BenchmarkDotNet.Artifacts");

if (args.Contains("--chart"))
{
    var report = Path.Combine(artifactsPath, "results", typeof(UploadSerializationBenchmarks).FullName + "-report.csv");
    var chart = Path.GetFullPath(Path.Combine(projectDirectory, "..", "upload-throughput.png"));
    ThroughputChart.Write(report, chart);
    Console.WriteLine($"Wrote {chart}");
    return 0;
}

var shortRun = args.Contains("--short");
var benchmarkArgs = args.Where(argument => argument != "--short").ToList();
if (!benchmarkArgs.Any(argument => argument is "--filter" or "-f" or "--list"))
{
    benchmarkArgs.AddRange(["--filter", "*"]);
}

var summaries = BenchmarkSwitcher
    .FromTypes([typeof(UploadSerializationBenchmarks), typeof(ResponseDeserializationBenchmarks), typeof(LoopbackUploadBenchmarks)])
    .Run([.. benchmarkArgs], BenchmarkConfig.Create(shortRun, artifactsPath));
return summaries.Any(summary => summary.HasCriticalValidationErrors || summary.Reports.Any(report => !report.Success)) ? 1 : 0;

// The directory of the project file, found from the build output, so that results and the chart land
// in benchmarks/ whatever the working directory.
static string FindProjectDirectory()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "Clevver.Generated.Benchmarks.csproj")))
        {
            return directory.FullName;
        }
    }

    return Directory.GetCurrentDirectory();
}
