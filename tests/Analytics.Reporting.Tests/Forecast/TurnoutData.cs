using Analytics.Core.Events;
using Analytics.Core.Participations;
using Analytics.Core.Taxonomies;
using Analytics.Data;

namespace Analytics.Testing;

/// <summary>
/// Synthetic registrations with a known answer, written into a real database: held events on Tuesdays of 2025, each with
/// registrations whose attendance is drawn from a fixed seed, so every run writes the same rows.
/// </summary>
public static class TurnoutData
{
    public static readonly DateTime Now = new(2026, 11, 26, 12, 0, 0, DateTimeKind.Utc);
    public static readonly string[] Sectors = ["kommun", "region", "stat", "akademi"];

    /// <summary>Students stay away 60 % of the time and everyone else 10 %; the sector says nothing.</summary>
    public static double Signal(string sector, string profession) => profession == "student" ? 0.4 : 0.9;

    /// <summary>Everyone comes with the same chance, whatever their profile.</summary>
    public static double Noise(string sector, string profession) => 0.78;

    public static async Task WriteHeldAsync(AnalyticsDbContext db, int events, int perEvent, Func<string, string, double> attends, int seed = 7)
    {
        var random = new Random(seed);
        var data = new ReportData(db);
        for (var e = 0; e < events; e++)
        {
            var ev = await data.EventAsync($"held-{e:D2}", new DateTime(2025, 1, 7, 17, 0, 0).AddDays(7 * e));
            var people = Enumerable.Range(0, perEvent).Select(i =>
            {
                var sector = Sectors[random.Next(Sectors.Length)];
                var profession = random.NextDouble() < 0.3 ? "student" : "digitalisering-it";
                var someone = Someone.WithKey($"e{e}p{i}").In(sector, profession);
                return random.NextDouble() < attends(sector, profession) ? someone.Attended() : someone.NoShow();
            }).ToArray();
            await data.AddAsync(ev, people);
        }
    }

    /// <summary>A planned event (after <see cref="Now"/>) with the given registrations.</summary>
    public static async Task<Event> WritePlannedAsync(AnalyticsDbContext db, string slug, params Someone[] people)
    {
        var data = new ReportData(db);
        var ev = await data.EventAsync(slug, new DateTime(2026, 12, 8, 17, 0, 0));
        await data.AddAsync(ev, people);
        return ev;
    }

    public static Someone[] People(string prefix, int count, string sector, string profession = "digitalisering-it") =>
        [.. Enumerable.Range(0, count).Select(i => Someone.WithKey($"{prefix}{i}").In(sector, profession))];
}
