namespace Analytics.Cli.Generate;

/// <summary>
/// How much to generate. Unless told otherwise, everything scales with the participations as in the target
/// (1,000,000 participations over 20,000 events, 5,000 organisations and 3 years): 50 rows per event, 200 per
/// organisation, and a member pool of a quarter of the rows, so people come back about four times.
/// </summary>
internal sealed record GenerationPlan(int Participations, int Events, int Organisations, int People, int Years, int Seed)
{
    /// <summary>The first day of the generated history.</summary>
    public DateTime Starts => new(2024, 1, 1);

    /// <summary>The history is told as seen three weeks before its end: the events after that are planned, with registrations only.</summary>
    public DateTime Today => Starts.AddYears(Years).AddDays(-21);

    /// <summary>Meetup's classic export (tab-separated, no attendance) until this day, the newer one after, as in the sample.</summary>
    public DateTime ClassicUntil => Starts.AddDays((Today - Starts).TotalDays * 0.44);

    public static GenerationPlan For(int participations, int? events, int? organisations, int years, int seed) => new(
        participations,
        events ?? Math.Max(1, participations / 50),
        organisations ?? Math.Max(20, participations / 200),
        Math.Max(50, participations / 4),
        years,
        seed);
}
