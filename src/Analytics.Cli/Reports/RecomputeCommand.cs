using System.CommandLine;
using Analytics.Cli.Hosting;
using Analytics.Reporting.Snapshots;

namespace Analytics.Cli.Reports;

/// <summary>`analytics recompute [--all]`: the report jobs' work, run synchronously.</summary>
internal static class RecomputeCommand
{
    public static Command Create(CliHost host)
    {
        var all = new Option<bool>("--all") { Description = "Recompute every report, not only the stale ones." };
        var command = new Command("recompute", "Recomputes the reports whose data has changed since they were computed.") { all };
        host.SetAction<RecomputeReports>(command, (handler, r, ct) => handler.RunAsync(r.GetValue(all), ct));
        return command;
    }
}

internal sealed class RecomputeReports(ReportRecomputer recomputer, CliOutput output)
{
    public async Task<int> RunAsync(bool all, CancellationToken cancellationToken)
    {
        var computed = await recomputer.RecomputeAsync(all, cancellationToken);
        var scopes = (await recomputer.ScopesAsync(cancellationToken)).Count;
        await output.Out.WriteLineAsync(all
            ? $"Recomputed all reports: {computed}."
            : $"Recomputed the stale reports: {computed} of {scopes}.");
        return ExitCodes.Ok;
    }
}
