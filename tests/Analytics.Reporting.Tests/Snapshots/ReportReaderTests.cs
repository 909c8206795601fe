using Analytics.Core.Events;
using Analytics.Core.Reports;
using Analytics.Reporting.Snapshots;
using Analytics.Testing;

namespace Analytics.Reporting.Tests.Snapshots;

public class ReportReaderTests
{
    [Theory, DatabaseProviders]
    public async Task Reads_a_quarters_trend_from_the_previous_four_quarters_snapshots_oldest_first_skipping_quarters_without_events(string provider)
    {
        await using var database = await MigratedDatabase.CreateAsync(provider);
        await using (var db = database.Open())
        {
            var data = new ReportData(db);
            // One event in each of 2025Q1..2025Q3 and 2026Q1, none in 2025Q4: the trend of 2026Q1 reaches back to 2025Q1.
            foreach (var (slug, starts, people) in new[]
                     {
                         ("q1-2025", new DateTime(2025, 2, 1, 17, 0, 0), 1), ("q2-2025", new DateTime(2025, 5, 1, 17, 0, 0), 6),
                         ("q3-2025", new DateTime(2025, 9, 1, 17, 0, 0), 7), ("q1-2026", new DateTime(2026, 2, 1, 17, 0, 0), 8),
                     })
                await data.AddAsync(await data.EventAsync(slug, starts),
                    [.. Enumerable.Range(0, people).Select(i => Someone.WithKey($"{slug}-{i}").Attended().In("kommun"))]);
            await data.AddAsync(await data.EventAsync("q4-2024", new DateTime(2024, 11, 1, 17, 0, 0)), Someone.WithKey("x").Attended());
            await new Recompute(db).Recomputer.RecomputeAsync(all: true);
        }

        await using (var db = database.Open())
        {
            var trend = await new ReportReader(new Recompute(db).Store, Protected.Disclosure).ReadTrendAsync(new Quarter(2026, 1));

            trend.Select(p => p.Quarter.ToString()).ShouldBe(["2025Q1", "2025Q2", "2025Q3", "2026Q1"]);
            trend.ShouldAllBe(p => p.Report.Scope.Kind == ReportScope.QuarterKind && p.Report.Scope.Key == p.Quarter.ToString());
            trend.Select(p => p.Report.Participants.Attended).ShouldBe([null, 6, 7, 8], "each quarter is protected on its own");
            (await new ReportReader(new Recompute(db).Store, Protected.Disclosure).ReadTrendAsync(new Quarter(2026, 1), previous: 1))
                .Select(p => p.Quarter.ToString()).ShouldBe(["2026Q1"]);
        }
    }

    [Theory, DatabaseProviders]
    public async Task Shows_a_quarter_within_all_time_only_when_it_and_the_rest_each_hold_at_least_k_people(string provider)
    {
        await using var database = await MigratedDatabase.CreateAsync(provider);
        await using (var db = database.Open())
        {
            var data = new ReportData(db);
            // 2026Q1 has 12 people, 2026Q2 has 3: all time minus Q1 would be Q2's three.
            await data.AddAsync(await data.EventAsync("q1", new DateTime(2026, 2, 1, 17, 0, 0)),
                [.. Enumerable.Range(0, 12).Select(i => Someone.WithKey($"q1-{i}").Attended().In("kommun"))]);
            await data.AddAsync(await data.EventAsync("q2", new DateTime(2026, 5, 1, 17, 0, 0)),
                [.. Enumerable.Range(0, 3).Select(i => Someone.WithKey($"q2-{i}").Attended().In("region"))]);
            await data.AddAsync(await data.EventAsync("q3", new DateTime(2026, 8, 1, 17, 0, 0)),
                [.. Enumerable.Range(0, 6).Select(i => Someone.WithKey($"q3-{i}").Attended().In("stat"))]);
            await new Recompute(db).Recomputer.RecomputeAsync(all: true);
        }

        await using (var db = database.Open())
        {
            var reader = new ReportReader(new Recompute(db).Store, Protected.Disclosure);

            var q1 = await reader.ReadWithinAsync(ReportScope.ForQuarter(new Quarter(2026, 1)), ReportScope.AllTime);
            var q2 = await reader.ReadWithinAsync(ReportScope.ForQuarter(new Quarter(2026, 2)), ReportScope.AllTime);

            q1.ShouldNotBeNull();
            q1.Refusal.ShouldBeNull();
            q1.Published!.Report.Participants.Attended.ShouldBe(12);
            q2.ShouldNotBeNull();
            q2.Published.ShouldBeNull();
            q2.Refusal.ShouldBe("Urvalet visas inte: det omfattar färre än 5 personer.");
            (await reader.ReadWithinAsync(ReportScope.ForQuarter(new Quarter(2027, 1)), ReportScope.AllTime)).ShouldBeNull();
        }
    }
}
