using Analytics.Core.Participations;

namespace Analytics.Ingest;

/// <summary>
/// One row of an input file, after the personal data it held (names, titles, e-mails) has been dropped or turned into
/// an identifier for hashing. Problem is set when the row cannot be imported, with the reason in Swedish.
/// </summary>
public sealed record SourceRow(int RowNumber)
{
    /// <summary>The Meetup member id or e-mail to hash into an attendee key; never stored.</summary>
    public string? MeetupMemberId { get; init; }
    public string? Email { get; init; }

    /// <summary>A stable id of the row within its source (a Forms response id), when there is no person identifier.</summary>
    public string? ResponseId { get; init; }

    public Rsvp Rsvp { get; init; } = Rsvp.Yes;
    public DateTime? RsvpAtUtc { get; init; }
    public Attendance Attendance { get; init; }
    public int Guests { get; init; }
    public bool IsEventHost { get; init; }
    public IReadOnlyDictionary<Question, string> Answers { get; init; } = new Dictionary<Question, string>();
    public string? ProblemColumn { get; init; }
    public string? Problem { get; init; }
}

/// <summary>The questions the importer understands, whatever the header's wording or language.</summary>
public enum Question
{
    Sector,
    Profession,
    Organisation,
    Municipality,
    Role,
    Consent,
}
