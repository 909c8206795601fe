namespace Analytics.Ingest.CheckIn;

/// <summary>
/// What the check-in form sends, as chosen: category codes and an organisation's id, never free text. Anything that is
/// not a known code counts as not answered.
/// </summary>
public sealed record CheckInAnswers
{
    public bool Consent { get; init; }

    /// <summary>The consent text version the form showed; consent to an older version than the current one is refused.</summary>
    public string? ConsentVersion { get; init; }

    /// <summary>"sv" or "en": the language the consent text was shown in.</summary>
    public string Language { get; init; } = "sv";
    public string? SectorCode { get; init; }
    public string? ProfessionCode { get; init; }

    /// <summary>A known organisation, chosen by its exact name from the list.</summary>
    public string? OrganisationName { get; init; }

    /// <summary>"Another organisation": none of the known ones, counted by the sector given here.</summary>
    public bool OtherOrganisation { get; init; }
    public string? OtherOrganisationSectorCode { get; init; }
    public string? MunicipalityCode { get; init; }
    public string? RoleCode { get; init; }

    /// <summary>An optional e-mail or Meetup profile, turned into the attendee key at once and then forgotten.</summary>
    public string? Identifier { get; init; }
}

public enum CheckInStatus
{
    Saved,
    NotFound,
    Closed,
    UnknownIdentifier,
    UnknownOrganisation,
    OldConsentText,
}

/// <summary>The result of a check-in. The withdrawal code is shown once on the receipt and is stored only as a hash.</summary>
public sealed record CheckInOutcome(CheckInStatus Status, int EventId = 0, bool Replaced = false, string? WithdrawalCode = null);
