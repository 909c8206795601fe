using Analytics.Core.Events;
using Analytics.Data;
using Analytics.Web.Pages.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Web.Tests.Pages.Shared;

/// <summary>Every page that offers quarters offers the same ones: each quarter with an event, latest first, from one helper.</summary>
[Collection(WebCollection.Name)]
public sealed class QuarterPickerTests(AnalyticsWebFactory factory)
{
    private async Task<IReadOnlyList<string>> QuartersWithEventsAsync()
    {
        using var scope = factory.Services.CreateScope();
        return [.. (await ReportPeriod.QuartersWithEventsAsync(scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>(), CancellationToken.None))
            .Select(q => q.ToString())];
    }

    /// <summary>The answer worked out the plain way, from every start time: what the database's answer must equal.</summary>
    private static IReadOnlyList<Quarter> QuartersOf(IEnumerable<DateTime> startsUtc) =>
        [.. startsUtc.Select(Quarter.Containing).Distinct().OrderDescending()];

    [Fact]
    public void The_quarters_of_some_start_times_are_each_listed_once_latest_first()
    {
        var starts = new[] { new DateTime(2026, 2, 1), new DateTime(2026, 11, 3), new DateTime(2026, 3, 30), new DateTime(2025, 12, 24) };

        QuartersOf(starts).ShouldBe([new Quarter(2026, 4), new Quarter(2026, 1), new Quarter(2025, 4)]);
        QuartersOf([]).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_database_asked_quarter_by_quarter_gives_the_quarters_of_every_events_start()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
        var starts = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.Events.Select(e => e.StartsAtUtc));

        var quarters = await ReportPeriod.QuartersWithEventsAsync(db, CancellationToken.None);

        quarters.ShouldBe(QuartersOf(starts));
        quarters.Count.ShouldBeGreaterThan(1, "the sample's events span several quarters");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/balans")]
    [InlineData("/rackvidd")]
    [InlineData("/evenemang")]
    public async Task A_quarter_picker_offers_every_quarter_with_events_latest_first(string url)
    {
        var expected = await QuartersWithEventsAsync();

        var page = await factory.AdminClient().PageAsync(url);

        page.QuerySelectorAll("select#kvartal option").Select(o => o.GetAttribute("value")!)
            .Where(v => v is not ("" or ReportPeriod.AllTimeKey)).ShouldBe(expected);
    }

    [Fact]
    public async Task The_list_of_quarterly_reports_has_the_same_quarters()
    {
        var expected = await QuartersWithEventsAsync();

        var page = await factory.AdminClient().PageAsync("/kvartal");

        page.QuerySelectorAll("tbody th a[href^='/kvartal/']").Select(a => a.GetAttribute("href")!["/kvartal/".Length..]).ShouldBe(expected);
    }
}
