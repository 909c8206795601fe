using Analytics.Ingest.CheckIn;

namespace Analytics.Web.Pages.CheckIn;

/// <summary>The check-in form's fields as posted.</summary>
public sealed class CheckInForm
{
    public bool Consent { get; set; }
    public string? ConsentVersion { get; set; }
    public string? Sector { get; set; }
    public string? Profession { get; set; }
    public string? Organisation { get; set; }
    public bool OtherOrganisation { get; set; }
    public string? OtherOrganisationSector { get; set; }
    public string? Municipality { get; set; }
    public string? Role { get; set; }
    public string? Identifier { get; set; }

    /// <summary>The honeypot: hidden from people, filled in by form-filling bots.</summary>
    public string? Website { get; set; }

    public CheckInAnswers Answers(string language) => new()
    {
        Consent = Consent, ConsentVersion = ConsentVersion, Language = language, SectorCode = Sector, ProfessionCode = Profession,
        OrganisationName = Organisation, OtherOrganisation = OtherOrganisation, OtherOrganisationSectorCode = OtherOrganisationSector,
        MunicipalityCode = Municipality, RoleCode = Role, Identifier = Identifier,
    };
}
