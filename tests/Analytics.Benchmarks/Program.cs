using System.Globalization;
using System.Text.Json;
using Analytics.Benchmarks.WholeProcess;
using BenchmarkDotNet.Running;
using Microsoft.Extensions.Configuration;

// `inner [BenchmarkDotNet options]`: the inner-loop benchmarks. `ingest DIR DATA_FOLDER`: one whole-process ingest into
// the embedded SQLite database in DATA_FOLDER, printing one JSON line of figures (run.sh reads it).
switch (args.FirstOrDefault())
{
    case "inner":
        BenchmarkSwitcher.FromAssembly(typeof(IngestRun).Assembly).Run(args[1..]);
        return 0;
    case "ingest" when args.Length == 3:
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("Database:DataFolder", Path.GetFullPath(args[2]))])
            .AddEnvironmentVariables("ANALYTICS_")
            .Build();
        var figures = await IngestRun.RunAsync(Path.GetFullPath(args[1]), configuration, line => Console.Error.WriteLine(line));
        Console.WriteLine(JsonSerializer.Serialize(figures));
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ingest: {figures.RowsAccepted} rows from {figures.Files} files in {figures.ListsSeconds:F1} s ({figures.RowsPerSecond:F0} rows/s), catalogue {figures.CatalogueSeconds:F1} s"));
        return figures.RowsRejected == 0 ? 0 : 1;
    default:
        Console.Error.WriteLine("Usage: Analytics.Benchmarks inner [BenchmarkDotNet options] | ingest GENERATED_DIR DATA_FOLDER");
        return 2;
}
