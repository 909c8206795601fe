using Analytics.Data.Configuration;
using Analytics.Web.Accounts;
using Analytics.Web.Hosting;

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddAnalyticsWeb();

    var app = builder.Build();
    await app.PrepareDatabaseAsync();
    await app.SeedDemoAccountsAsync();
    app.UseAnalyticsWeb();
    await app.ResumeImportsAsync();
    await app.RunAsync();
    return 0;
}
catch (ConfigurationProblem problem)
{
    // A configuration mistake is told in one sentence, never as a stack trace.
    Console.Error.WriteLine(problem.Message);
    return 2;
}

public partial class Program;
