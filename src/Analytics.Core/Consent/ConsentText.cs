namespace Analytics.Core.Consent;

/// <summary>
/// One version of the consent text shown at check-in. Versions are only ever added, never edited, so every
/// <see cref="ConsentRecord"/> can point at the exact words the person agreed to. The newest version is the one in use.
/// </summary>
public sealed class ConsentText
{
    public int Id { get; set; }

    /// <summary>The version's name as shown on the form and kept in each consent record ("1", "2026-11").</summary>
    public required string Version { get; set; }
    public required string TextSv { get; set; }
    public required string TextEn { get; set; }
    public ConsentPurposes Purposes { get; set; } = ConsentPurposes.Statistics;
    public DateTime CreatedAtUtc { get; set; }

    /// <summary>The account id of the admin who added it, or "system" for the seeded first version.</summary>
    public required string CreatedBy { get; set; }

    public string Text(bool english) => english ? TextEn : TextSv;

    public const int MaxTextLength = 4000;

    /// <summary>The first version, stored the first time the form needs a text, so there always is one.</summary>
    public static ConsentText First => new()
    {
        Version = "1", Purposes = ConsentPurposes.Statistics, CreatedBy = "system",
        CreatedAtUtc = new DateTime(2026, 11, 26, 0, 0, 0, DateTimeKind.Utc),
        TextSv = "Jag samtycker till att mina svar (sektor, yrkesområde, organisation, kommun och roll) används för anonym statistik om "
            + "vilka som deltar i nätverkets evenemang. Inga namn eller e-postadresser sparas. Statistiken visar aldrig grupper med "
            + "färre än fem personer. Jag kan när som helst återkalla samtycket på sidan Återkalla samtycke med koden på kvittot.",
        TextEn = "I consent to my answers (sector, profession family, organisation, municipality and role) being used for anonymous "
            + "statistics on who takes part in the network's events. No names or e-mail addresses are stored. The statistics never show "
            + "groups of fewer than five people. I can withdraw my consent at any time on the Withdraw consent page with the code on the receipt.",
    };
}
