using Analytics.Core.Events;
using Analytics.Core.Participations;
using Analytics.Core.Reports;
using Analytics.Core.Taxonomies;
using Analytics.Data;
using Analytics.Jobs;
using Analytics.Reporting.Forecast;
using Analytics.Reporting.Snapshots;
using Analytics.Web.Tests.Pages.CheckIn;
using Analytics.Web.Tests.Pages.Shared;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Analytics.Web.Tests.Pages.Shared.PageDocument;

namespace Analytics.Web.Tests.Pages.Forecast;

/// <summary>
/// One number reads the same wherever a page writes it: with counts above 999, the planned event's summary line on
/// Balans, its forecast box, and a held event's outcome column all group digits as the reader's culture does (a
/// non-breaking space in Swedish, a comma in English), as the &lt;count&gt; tag helper does.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ForecastNumberFormatTests(AnalyticsWebFactory factory) : IAsyncLifetime
{
    private const int People = 2000;
    private readonly TestEvents _events = new(factory);

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => _events.RemoveAsync();

    /// <summary>An event in this quarter with <see cref="People"/> registrations from municipalities, all attending when held; its report computed.</summary>
    private async Task<string> EventAsync(string name, TimeSpan fromNow, bool held)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var starts = now.Add(fromNow);
        var slug = _events.Made($"{starts:yyyy-MM-dd}-{name}-{Guid.NewGuid():N}"[..40]);
        var ev = new Event { Slug = slug, Title = $"Stort möte {name}", StartsAtUtc = starts, EndsAtUtc = starts.AddHours(2), FormatCode = "traff" };
        db.Events.Add(ev);
        await db.SaveChangesAsync();
        db.Participations.AddRange(Enumerable.Range(0, People).Select(i => new Participation
        {
            EventId = ev.Id, AttendeeKey = $"{slug}-{i}", SourceKey = $"k:{slug}-{i}", RoleCode = RoleCodes.Participant, Rsvp = Rsvp.Yes,
            Attendance = held ? Attendance.Attended : Attendance.Unknown, HasProfile = true, SectorCode = "kommun",
            ProfessionCode = "digitalisering-it", MunicipalityCode = "1480", Channel = "test", RecordKey = 0.5,
        }));
        await db.SaveChangesAsync();
        if (held)
            // As if the weekly run had stored it the day before the event.
            await scope.ServiceProvider.GetRequiredService<ForecastSnapshots>().WritePlannedAsync(
                (await scope.ServiceProvider.GetRequiredService<Forecaster>().CurrentAsync(CancellationToken.None))!, starts.AddDays(-1),
                CancellationToken.None, [slug]);
        await scope.ServiceProvider.GetRequiredService<ReportRecomputer>().RecomputeAsync(ReportScope.ForEvent(slug));
        return slug;
    }

    private async Task TrainAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ForecastUpdates>().TrainAsync(CancellationToken.None);
    }

    /// <summary>
    /// The text with runs of ASCII white space made one space and the non-breaking space kept: PageDocument.Text splits on
    /// every white space, the non-breaking one too, and would hide the very separator under test.
    /// </summary>
    private static string Plain(IElement element) => Regex.Replace(element.TextContent, "[ \t\r\n]+", " ").Trim(' ');

    private static Dictionary<string, string> Figures(IElement section) =>
        section.QuerySelectorAll(".forecast-figures div").ToDictionary(d => d.QuerySelector("dt")!.Text(), d => Plain(d.QuerySelector("dd")!));

    /// <summary>A forecast table's rows by their header, each cell as <see cref="Plain"/> text.</summary>
    private static Dictionary<string, List<string>> Rows(IElement section) =>
        section.QuerySelector("table.forecast-mix")!.QuerySelectorAll("tbody tr")
            .ToDictionary(tr => tr.QuerySelector("th")!.Text(), tr => tr.QuerySelectorAll("td").Select(Plain).ToList());

    [Fact]
    public void Swedish_groups_thousands_with_a_non_breaking_space_and_english_with_a_comma()
    {
        Swedish.NumberFormat.NumberGroupSeparator.ShouldBe("\u00a0");
        2000.ToString("N0", Swedish).ShouldBe("2\u00a0000");
        2000.ToString("N0", English).ShouldBe("2,000");
    }

    [Fact]
    public async Task A_planned_event_with_thousands_reads_the_same_in_its_summary_line_and_its_forecast_box()
    {
        await TrainAsync();
        var slug = await EventAsync("planerat", TimeSpan.FromDays(2), held: false);
        await using var scope = factory.Services.CreateAsyncScope();
        var forecast = (await scope.ServiceProvider.GetRequiredService<ForecastReader>().ReadAsync(slug, CancellationToken.None)).ShouldNotBeNull().Forecast;
        forecast.Low.ShouldNotBeNull().ShouldBeGreaterThan(999, "every number of the test is in the thousands");

        foreach (var (query, culture) in new[] { ("", Swedish), ("?culture=en-GB", English) })
        {
            string N(int? n) => n!.Value.ToString("N0", culture);
            var page = await factory.AdminClient().PageAsync("/balans" + query);

            var section = page.Section($"prognos-{slug}-title");
            var summary = Plain(section.Closest("details")!.QuerySelector("summary")!);
            var figures = Figures(section);
            var expectedLabel = culture == Swedish ? "Förväntat antal deltagare" : "Expected attendance";
            var intervalLabel = culture == Swedish ? "95 % intervall" : "95% interval";
            figures[expectedLabel].ShouldBe(N(forecast.Expected));
            figures[intervalLabel].ShouldBe($"{N(forecast.Low)}–{N(forecast.High)}");
            summary.ShouldContain(culture == Swedish
                ? $"{N(People)} anmälda, {N(People)} med profil · prognos {figures[expectedLabel]} deltagare ({figures[intervalLabel]})"
                : $"{N(People)} registered, {N(People)} with a profile · forecast {figures[expectedLabel]} attendees ({figures[intervalLabel]})");
            var municipality = Taxonomy.Find(Taxonomy.Sectors, "kommun")!.Name(culture == English);
            var row = Rows(section)[municipality];
            (row[0], row[1]).ShouldBe((N(People), N(forecast.Sectors.Single(s => s.Code == "kommun").Expected)));
        }
    }

    [Fact]
    public async Task A_held_event_with_thousands_reads_the_same_in_the_outcome_column_as_in_attended()
    {
        await TrainAsync();
        var slug = await EventAsync("hallet", TimeSpan.FromDays(-1), held: true);

        var page = await factory.AdminClient().PageAsync($"/evenemang/{slug}");

        var section = page.Section("forecast-title");
        section.QuerySelector("h2")!.Text().ShouldBe("Prognos och utfall");
        var attended = Figures(section)["Deltog"];
        attended.ShouldBe("2\u00a0000");
        section.QuerySelector("thead")!.Text().ShouldContain("Utfall");
        var row = Rows(section)["Kommun"];
        (row[0], row[2]).ShouldBe((attended, attended), "registered and outcome are counts like attended, written alike");
    }
}
