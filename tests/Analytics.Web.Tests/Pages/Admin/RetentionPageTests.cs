using System.Net;
using Analytics.Core.Audit;
using Analytics.Jobs.Retention;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using static Analytics.Web.Tests.Pages.CheckIn.CheckInPages;

namespace Analytics.Web.Tests.Pages.Admin;

[Collection(WebCollection.Name)]
public sealed class RetentionPageTests(AnalyticsWebFactory factory) : IAsyncLifetime
{
    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // Other tests run the purge on the shared app: leave the configured default in force.
    async Task IAsyncLifetime.DisposeAsync() =>
        await QueryAsync(factory, db => db.SystemSettings.Where(s => s.Key == RetentionPeriod.Key).ExecuteDeleteAsync());

    private async Task<HttpResponseMessage> SaveAsync(HttpClient client, string months)
    {
        var form = await client.GetStringAsync("/admin/lagring");
        return await client.PostAsync("/admin/lagring", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Months"] = months, ["__RequestVerificationToken"] = AnalyticsWebFactory.AntiforgeryToken(form),
        }));
    }

    [Fact]
    public async Task An_admin_changes_the_period_within_the_bounds_and_the_change_is_audited()
    {
        var client = factory.AdminClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await client.GetStringAsync("/admin/lagring")).ShouldContain("Nu gäller 24 månader.");

        var saved = await SaveAsync(client, "36");

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await client.GetStringAsync(saved.Headers.Location!.ToString());
        page.ShouldContain("Den nya lagringstiden gäller från nästa körning.");
        page.ShouldContain("Nu gäller 36 månader.");
        (await QueryAsync(factory, db => db.AuditEntries.Where(e => e.Action == AuditActions.SettingChanged && e.Subject == RetentionPeriod.Key)
            .OrderByDescending(e => e.Id).Select(e => e.Detail).FirstAsync())).ShouldBe("months=36");
    }

    [Theory]
    [InlineData("5")]
    [InlineData("121")]
    [InlineData("tjugo")]
    public async Task Refuses_a_period_outside_the_bounds_and_keeps_the_one_in_force(string months)
    {
        var client = factory.AdminClient();

        var refused = await SaveAsync(client, months);

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await refused.Content.ReadAsStringAsync();
        page.ShouldContain("Ange ett helt antal månader mellan 6 och 120.");
        page.ShouldContain("Nu gäller 24 månader.");
    }
}
