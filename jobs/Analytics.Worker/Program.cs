using Analytics.Data.Configuration;
using Analytics.Jobs;
using Analytics.Jobs.Scheduling;
using Hangfire;

// An extra job server for production: run as many as the load needs, on any machine that reaches the database. It listens
// to the same queues as the web host's server and registers no recurring jobs: the web host does that, in one place. It
// expects Hangfire's schema in place (`analytics db migrate` installs it) and never installs it itself.
try
{
    var builder = Host.CreateApplicationBuilder(args);
    builder.Configuration.AddEnvironmentVariables("ANALYTICS_");
    builder.Services.AddAnalytics(builder.Configuration);
    if (DatabaseSettings.From(builder.Configuration).Provider == DatabaseProvider.Sqlite)
        throw new ConfigurationProblem(
            "En extra jobbserver delar kö med webbnoderna via databasen och behöver därför SQL Server eller PostgreSQL " +
            "(Database:Provider); den inbäddade SQLite-databasen kör sina jobb i webbappen.");
    var jobs = JobSettings.From(builder.Configuration);
    builder.Services.AddHangfire((services, c) => c.UseAnalyticsJobs(services.GetRequiredService<DatabaseSettings>(), jobs));
    builder.Services.AddHangfireServer(o => JobServer.Configure(o, jobs));
    await builder.Build().RunAsync();
    return 0;
}
catch (ConfigurationProblem problem)
{
    Console.Error.WriteLine(problem.Message);
    return 2;
}
