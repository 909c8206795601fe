using System.Net;
using Analytics.Data.Configuration;
using Analytics.Jobs;
using Analytics.Jobs.Scheduling;
using Analytics.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Analytics.MultiNode.Settings;

/// <summary>The settings a production deployment chooses: how a process takes part in the job queue, and which proxies it trusts.</summary>
public sealed class ProductionSettingsTests
{
    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Job_settings_default_to_a_server_on_every_queue_with_hangfires_recovery_times()
    {
        var jobs = JobSettings.From(Configuration());

        jobs.Server.ShouldBeTrue();
        jobs.Queues.ShouldBe(JobQueues.All);
        jobs.WorkerCount.ShouldBeNull();
        jobs.InvisibilityTimeout.ShouldBe(TimeSpan.FromMinutes(5));
        jobs.DistributedLockTimeout.ShouldBe(TimeSpan.FromMinutes(30));
        var postgres = AnalyticsJobStorage.PostgresOptions(jobs, installSchema: false);
        postgres.PrepareSchemaIfNecessary.ShouldBeFalse("servers never install Hangfire's schema; `analytics db migrate` does");
        postgres.UseSlidingInvisibilityTimeout.ShouldBeTrue("a live server keeps its long jobs");
    }

    [Fact]
    public void Job_settings_are_read_from_configuration_and_a_mistake_is_one_sentence()
    {
        var jobs = JobSettings.From(Configuration(("Jobs:Server", "false"), ("Jobs:WorkerCount", "4"), ("Jobs:Queues", "default"),
            ("Jobs:InvisibilityTimeout", "00:00:30"), ("Jobs:DistributedLockTimeout", "00:45:00"), ("Jobs:ServerName", "worker-1")));

        (jobs.Server, jobs.WorkerCount, jobs.ServerName).ShouldBe((false, 4, "worker-1"));
        jobs.Queues.ShouldBe(["default"]);
        (jobs.InvisibilityTimeout, jobs.DistributedLockTimeout).ShouldBe((TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(45)));
        Should.Throw<ConfigurationProblem>(() => JobSettings.From(Configuration(("Jobs:InvisibilityTimeout", "5 min")))).Message.ShouldContain("hh:mm:ss");
        Should.Throw<ConfigurationProblem>(() => JobSettings.From(Configuration(("Jobs:Queues", "imports")))).Message.ShouldContain("imports");
        Should.Throw<ConfigurationProblem>(() => JobSettings.From(Configuration(("Jobs:WorkerCount", "0")))).Message
            .ShouldBe("Jobs:WorkerCount är 0; ange minst 1, eller ta bort inställningen för Hangfires standard.");
        Should.Throw<ConfigurationProblem>(() => JobSettings.From(Configuration(("Jobs:DistributedLockTimeout", "00:00:00")))).Message
            .ShouldBe("Jobs:DistributedLockTimeout är 00:00:00; ange en tid över noll, till exempel 00:05:00.");
        Should.Throw<ConfigurationProblem>(() => JobSettings.From(Configuration(("Jobs:QueuePollInterval", "-00:00:05")))).Message
            .ShouldContain("Jobs:QueuePollInterval");
    }

    [Theory]
    [InlineData("RateLimits:CheckIn:PermitLimit", "abc", "RateLimits:CheckIn:PermitLimit är ”abc”; ange ett heltal från 1.")]
    [InlineData("RateLimits:Login:WindowSeconds", "0", "RateLimits:Login:WindowSeconds är ”0”; ange ett heltal från 1.")]
    public void A_bad_rate_limit_stops_the_start_with_one_sentence_instead_of_failing_every_submission(string key, string value, string message) =>
        Should.Throw<ConfigurationProblem>(() => new ServiceCollection().AddRateLimits(Configuration((key, value)))).Message.ShouldBe(message);

    [Fact]
    public void A_forward_limit_that_is_no_number_stops_the_start_with_one_sentence() =>
        Should.Throw<ConfigurationProblem>(() => new ServiceCollection().AddProxyHeaders(Configuration(("ForwardedHeaders:ForwardLimit", "two")))).Message
            .ShouldBe("ForwardedHeaders:ForwardLimit är ”two”; ange hur många proxyer som står framför appen, ett heltal från 1.");

    [Fact]
    public void Forwarded_headers_are_trusted_from_the_named_proxies_and_networks_only()
    {
        var services = new ServiceCollection().AddProxyHeaders(Configuration(
            ("ForwardedHeaders:KnownProxies:0", "10.0.0.5"), ("ForwardedHeaders:KnownNetworks", "10.1.0.0/16, 192.168.10.0/24")));
        var options = services.BuildServiceProvider().GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;

        options.ForwardedHeaders.ShouldBe(ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
        options.KnownProxies.ShouldContain(IPAddress.Parse("10.0.0.5"));
        options.KnownIPNetworks.Select(n => n.ToString()).ShouldContain("10.1.0.0/16");
        options.KnownIPNetworks.Select(n => n.ToString()).ShouldContain("192.168.10.0/24");
        options.ForwardLimit.ShouldBe(1);
        Should.Throw<ConfigurationProblem>(() => new ServiceCollection().AddProxyHeaders(Configuration(("ForwardedHeaders:KnownProxies", "proxy.example.se"))))
            .Message.ShouldContain("proxy.example.se");
    }

    [Theory]
    [InlineData("10.0.0.5", true)]       // the named proxy
    [InlineData("10.1.200.3", true)]     // inside a named network
    [InlineData("10.9.9.9", false)]      // anyone else: a client choosing its own address to escape the rate limits
    [InlineData("203.0.113.7", false)]
    public async Task A_forwarded_client_address_and_scheme_count_only_when_a_named_proxy_sends_them(string sender, bool trusted)
    {
        var options = new ServiceCollection().AddProxyHeaders(Configuration(
                ("ForwardedHeaders:KnownProxies:0", "10.0.0.5"), ("ForwardedHeaders:KnownNetworks", "10.1.0.0/16")))
            .BuildServiceProvider().GetRequiredService<IOptions<ForwardedHeadersOptions>>();
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(sender);
        context.Request.Scheme = "http";
        context.Request.Headers["X-Forwarded-For"] = "198.51.100.20";
        context.Request.Headers["X-Forwarded-Proto"] = "https";

        await new ForwardedHeadersMiddleware(_ => Task.CompletedTask, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance, options).Invoke(context);

        context.Connection.RemoteIpAddress!.ToString().ShouldBe(trusted ? "198.51.100.20" : sender);
        context.Request.Scheme.ShouldBe(trusted ? "https" : "http");
    }

    [Fact]
    public void A_web_node_without_a_job_server_is_refused_on_the_embedded_database()
    {
        var folder = Path.Combine(Path.GetTempPath(), "analytics-settings", Guid.NewGuid().ToString("N"));
        try
        {
            var builder = WebApplication.CreateBuilder();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:DataFolder"] = folder, ["Jobs:Server"] = "false", ["Accessibility:Contact"] = "tillganglighet@example.org",
            });

            Should.Throw<ConfigurationProblem>(() => builder.AddAnalyticsWeb()).Message.ShouldContain("Jobs:Server=false");
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }
}
