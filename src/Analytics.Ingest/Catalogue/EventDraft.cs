namespace Analytics.Ingest.Catalogue;

/// <summary>An event as a person describes it: local Stockholm times, codes and host organisation names.</summary>
public sealed record EventDraft(string Slug, string Title, DateTime StartsLocal)
{
    public DateTime? EndsLocal { get; init; }
    public string Format { get; init; } = "traff";
    public string? Municipality { get; init; }
    public bool Online { get; init; }
    public int? Capacity { get; init; }
    public string? MeetupEventId { get; init; }
    public IReadOnlyList<string> Hosts { get; init; } = [];
}
