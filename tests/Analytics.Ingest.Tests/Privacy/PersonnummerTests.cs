using System.Text;
using Analytics.Core.Privacy;
using Analytics.Ingest.Tests.Meetup;
using Analytics.Ingest.Tests.Robustness;
using Analytics.Testing;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Ingest.Tests.Privacy;

/// <summary>A personnummer anywhere in a row rejects the row, and is never kept: not even in the reason, which masks it.</summary>
public class PersonnummerTests
{
    private const string Slug = SampleData.FirstMeeting;

    // Valid Luhn check digits, written the ways people write them: ten or twelve digits, with or without a dash, a
    // space or the plus of someone past a hundred, a samordningsnummer (day + 60), and one inside a sentence.
    private static readonly string[] Numbers =
    [
        "811228-9874", "8112289874", "19811228-9874", "198112289874", "811228 9874", "121212+1212", "701063-2391",
        "20000229-1235", "Ring mig på 640823-3234 efter fem",
    ];

    private static string Found(string text) => PersonalIdentityNumber.Find(text)!;

    private static string Digits(string text) => new([.. Found(text).Where(char.IsAsciiDigit)]);

    [Theory, DatabaseProviders]
    public async Task Rejects_every_row_with_a_personnummer_in_any_column_and_keeps_it_only_masked(string provider)
    {
        await using var database = await SampleDatabase.CreateAsync(provider, Slug);
        var header = MeetupListFile.Newer().Header;
        var rows = new List<string[]>();
        for (var column = 0; column < header.Length; column++)
        {
            var cells = MeetupListFile.Newer(Attendee.Member($"Person {column}", 81_000 + column)).Text().Split('\n')[1].Split(',');
            cells[column] = Numbers[column % Numbers.Length];
            rows.Add(cells);
        }
        var clean = Attendee.Member("Utan nummer", 81_999);
        var text = string.Join('\n', rows.Prepend(header).Select(r => string.Join(',', r.Select(c => c.Contains(',') ? $"\"{c}\"" : c))))
                   + "\n" + MeetupListFile.Newer(clean).Text().Split('\n')[1] + "\n";

        var result = await database.ImportAsync(Slug, "lista.csv", Encoding.UTF8.GetBytes(text));

        (result.RowsRead, result.RowsAccepted, result.RowsRejected).ShouldBe((header.Length + 1, 1, header.Length));
        for (var column = 0; column < header.Length; column++)
        {
            var error = result.Errors[column];
            var number = Numbers[column % Numbers.Length];
            (error.Row, error.Column).ShouldBe((column + 2, header[column]));
            error.Reason.ShouldContain($"({PersonalIdentityNumber.Mask(Found(number))})");
            error.Reason.ShouldNotContain(Found(number));
            error.Reason.ShouldNotContain(Digits(number)[^4..]);
        }
        var stored = await database.QueryAsync(DatabaseContents.TextAsync);
        stored.ShouldContain(s => s.Contains("********"), "the masked numbers are kept in the row errors");
        foreach (var written in Numbers.SelectMany(n => new[] { Found(n), Digits(n), Digits(n)[^10..] }))
            stored.ShouldNotContain(s => s.Contains(written), written);
    }

    [Theory, DatabaseProviders]
    public async Task A_personnummer_as_a_column_header_is_not_kept_either(string provider)
    {
        await using var database = await SampleDatabase.CreateAsync(provider, Slug);
        var list = MeetupListFile.Newer(Attendee.Member("Anna Berg", 82_001), Attendee.Member("Bo Ek", 82_002)).Text().Split('\n');
        list[0] += ",811228-9874";
        list[1] += ",19640823-3234";
        list[2] += ",";

        var result = await database.ImportAsync(Slug, "lista.csv", Encoding.UTF8.GetBytes(string.Join('\n', list)));

        (result.RowsAccepted, result.RowsRejected).ShouldBe((1, 1));
        result.Errors.Single().Column.ShouldNotBeNull();
        result.Errors.Single().Column!.ShouldNotContain("9874");
        var stored = await database.QueryAsync(DatabaseContents.TextAsync);
        stored.ShouldNotContain(s => s.Contains("8112289874") || s.Contains("811228-9874") || s.Contains("6408233234") || s.Contains("640823-3234"));
    }

    [Theory, DatabaseProviders]
    public async Task Keeps_no_profile_and_records_no_consent_for_a_row_without_a_yes(string provider)
    {
        await using var database = await SampleDatabase.CreateAsync(provider, Slug);
        string[] noes = ["Nej", "", "Kanske", "Vet inte", "nej tack", "N/A"];
        var list = MeetupListFile.Newer(
        [
            Attendee.Member("Med samtycke", 83_000) with { Sector = "Region", Organisation = "Västra Götalandsregionen" },
            .. noes.Select((consent, i) => Attendee.Member($"Utan samtycke {i}", 83_001 + i) with
            {
                Consent = consent, Sector = $"Egen sektor {i}", Organisation = $"Egen förening {i}", Profession = "Projektledare",
            }),
        ]);

        var result = await database.ImportAsync(Slug, "lista.csv", Encoding.UTF8.GetBytes(list.Text()));

        (result.RowsAccepted, result.WithProfile).ShouldBe((noes.Length + 1, 1));
        result.Unmapped.ShouldNotContain(u => u.Value.StartsWith("Egen", StringComparison.Ordinal), "unconsented answers are not even counted");
        var keys = noes.Select((_, i) => SampleDatabase.Keys.ForMeetupMember((83_001 + i).ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var unconsented = await database.QueryAsync(db => db.Participations.AsNoTracking().Where(p => keys.Contains(p.AttendeeKey!)).ToListAsync());
        unconsented.Count.ShouldBe(noes.Length);
        unconsented.ShouldAllBe(p => !p.HasProfile && p.SectorCode == null && p.ProfessionCode == null && p.OrganisationId == null
                                     && p.UnmappedOrganisation == null && p.MunicipalityCode == null);
        (await database.QueryAsync(db => db.ConsentRecords.CountAsync(c => keys.Contains(c.AttendeeKey)))).ShouldBe(0);
        var consented = await database.QueryAsync(db => db.Participations.AsNoTracking().Include(p => p.Organisation).SingleAsync(p => p.HasProfile));
        (consented.SectorCode, consented.Organisation?.Name).ShouldBe(("region", "Västra Götalandsregionen"));
        (await database.QueryAsync(db => db.ConsentRecords.CountAsync(c => c.AttendeeKey == consented.AttendeeKey))).ShouldBe(1);
    }
}
