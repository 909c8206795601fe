namespace Analytics.Ingest.CheckIn;

/// <summary>An event as its check-in page needs it, with the window the form is open in.</summary>
public sealed record CheckInEvent(int Id, string Slug, string Title, DateTime StartsAtUtc, DateTime OpensAtUtc, DateTime ClosesAtUtc, bool IsOpen);

/// <summary>A known organisation the attendee can choose.</summary>
public sealed record OrganisationChoice(int Id, string Name, string SectorCode);
