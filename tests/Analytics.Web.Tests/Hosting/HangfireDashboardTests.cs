using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Analytics.Web.Tests.Hosting;

/// <summary>
/// The job dashboard is for admins only, through the same login as the pages, and being on the machine itself grants
/// nothing (Hangfire's local-requests filter is replaced, not added to).
/// </summary>
[Collection(WebCollection.Name)]
public sealed class HangfireDashboardTests(AnalyticsWebFactory factory)
{
    [Theory]
    [InlineData(TestAccount.Anonymous, HttpStatusCode.Unauthorized)]
    [InlineData(TestAccount.OrganiserA, HttpStatusCode.Forbidden)]
    [InlineData(TestAccount.Steering, HttpStatusCode.Forbidden)]
    [InlineData(TestAccount.Admin, HttpStatusCode.OK)]
    public async Task Serves_the_dashboard_to_admins_only(TestAccount account, HttpStatusCode expected)
    {
        var client = factory.Client(account, new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        (await client.GetAsync("/hangfire")).StatusCode.ShouldBe(expected);
    }

    [Fact]
    public async Task A_request_from_the_machine_itself_without_a_login_is_refused()
    {
        var response = await factory.Server.SendAsync(http =>
        {
            http.Request.Method = "GET";
            http.Request.Path = "/hangfire";
            http.Connection.RemoteIpAddress = IPAddress.Loopback;
        });

        response.Response.StatusCode.ShouldBe((int)HttpStatusCode.Unauthorized);
    }
}
