using System.CommandLine;
using Analytics.Data;
using Analytics.Data.Configuration;
using Analytics.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Analytics.Cli.Hosting;

/// <summary>
/// Reads the configuration as the web app does (appsettings.json, ANALYTICS_ environment variables, then the global
/// options) and runs each verb's handler in its own service scope.
/// </summary>
internal sealed class CliHost(CliOutput output)
{
    public GlobalOptions Options { get; } = new();

    /// <summary>
    /// Makes <typeparamref name="THandler"/> the command's action. Unless the verb sets up the database itself, it
    /// first checks that the schema is current, so a forgotten `db migrate` is a sentence and not a missing table.
    /// </summary>
    public void SetAction<THandler>(Command command, Func<THandler, ParseResult, CancellationToken, Task<int>> run,
        bool setsUpDatabase = false) where THandler : class
    {
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var services = Services(Configuration(result));
            await using var scope = services.CreateAsyncScope();
            if (!setsUpDatabase && await UnmigratedAsync(scope.ServiceProvider, cancellationToken) is { } problem)
            {
                output.Error.WriteLine(problem);
                return ExitCodes.Usage;
            }
            var handler = ActivatorUtilities.CreateInstance<THandler>(scope.ServiceProvider);
            return await run(handler, result, cancellationToken);
        });
    }

    private IConfiguration Configuration(ParseResult result)
    {
        var builder = new ConfigurationBuilder();
        var folders = new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() }
            .Select(f => Path.TrimEndingDirectorySeparator(Path.GetFullPath(f))).Distinct();
        foreach (var folder in folders)
            builder.AddJsonFile(Path.Combine(folder, "appsettings.json"), optional: true, reloadOnChange: false);
        return builder
            .AddEnvironmentVariables("ANALYTICS_")
            .AddInMemoryCollection(Options.Settings(result))
            .Build();
    }

    private ServiceProvider Services(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddSingleton(output);
        services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            // EF logs a failed command with its stack trace; the exception itself reaches the user as one sentence.
            .AddFilter("Microsoft.EntityFrameworkCore", level => level is >= LogLevel.Warning and < LogLevel.Error)
            // Logs go to standard error, so they never mix with JSON on standard output.
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
        services.AddAnalytics(configuration);
        Analytics.Data.Accounts.AccountServiceCollection.AddAccountStore(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    private static async Task<string?> UnmigratedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<AnalyticsDbContext>();
        if (!(await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any()) return null;
        var database = DatabaseDescription.Of(services.GetRequiredService<DatabaseSettings>());
        return $"The database ({database}) is not up to date; run `analytics db migrate` first.";
    }
}
