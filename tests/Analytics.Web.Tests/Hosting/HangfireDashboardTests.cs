using System.Net;
using Analytics.Web.Hosting;
using Hangfire;
using Hangfire.Dashboard;
using Hangfire.InMemory;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;

namespace Analytics.Web.Tests.Hosting;

/// <summary>The job dashboard is never reachable anonymously outside Development, and in Development only from the machine itself.</summary>
[Collection(WebCollection.Name)]
public sealed class HangfireDashboardTests(AnalyticsWebFactory factory)
{
    [Theory]
    [InlineData("127.0.0.1", HttpStatusCode.OK)]
    [InlineData("203.0.113.7", HttpStatusCode.Unauthorized)]
    public async Task In_development_serves_the_dashboard_to_the_machine_itself_and_to_no_one_else(string remoteAddress, HttpStatusCode expected)
    {
        var response = await factory.Server.SendAsync(http =>
        {
            http.Request.Method = "GET";
            http.Request.Path = "/hangfire";
            http.Connection.RemoteIpAddress = IPAddress.Parse(remoteAddress);
        });

        response.Response.StatusCode.ShouldBe((int)expected);
    }

    [Theory]
    [InlineData("Development", "127.0.0.1", true)]
    [InlineData("Development", "::1", true)]
    [InlineData("Development", "203.0.113.7", false)]
    [InlineData("Production", "127.0.0.1", false)]
    [InlineData("Production", "203.0.113.7", false)]
    [InlineData("Staging", "127.0.0.1", false)]
    public void Lets_through_only_local_requests_in_development(string environment, string remoteAddress, bool allowed)
    {
        var filter = new LocalRequestsInDevelopmentOnly(new HostingEnvironment { EnvironmentName = environment });

        filter.Authorize(Request(remoteAddress)).ShouldBe(allowed);
    }

    private static AspNetCoreDashboardContext Request(string remoteAddress)
    {
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().BuildServiceProvider() };
        http.Connection.RemoteIpAddress = IPAddress.Parse(remoteAddress);
        http.Connection.LocalIpAddress = IPAddress.Parse("192.0.2.1");
        return new AspNetCoreDashboardContext(new InMemoryStorage(), new DashboardOptions(), http);
    }
}
