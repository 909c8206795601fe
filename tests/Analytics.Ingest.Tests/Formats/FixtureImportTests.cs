using Analytics.Core.Participations;
using Analytics.Testing;
using Microsoft.EntityFrameworkCore;
using static Analytics.Ingest.Tests.Formats.FixtureImport;

namespace Analytics.Ingest.Tests.Formats;

public class FixtureImportTests
{
    public static TheoryData<string, string> Imports => OnEachProvider;

    [Theory, MemberData(nameof(Imports))]
    public async Task Imports_every_row_of_each_fixture_and_reports_the_columns_it_recognised(string file, string provider)
    {
        var fixture = FixtureFiles.Named(file);
        await using var database = await DatabaseAsync(provider);

        var result = await ImportAsync(database, fixture);

        result.Refusal.ShouldBeNull();
        result.Kind.ShouldBe(fixture.Kind);
        (result.RowsRead, result.RowsAccepted, result.RowsRejected).ShouldBe((fixture.People.Count, fixture.People.Count, 0));
        result.Columns.ShouldBe(fixture.Columns, ignoreOrder: true);
        var participations = await QueryAsync(database, db => db.Participations.AsNoTracking().ToListAsync());
        participations.Count.ShouldBe(result.RowsAccepted);
        participations.ShouldAllBe(p => p.Channel == fixture.Kind && p.Rsvp == Rsvp.Yes);
        participations.Count(p => p.Attendance == Attendance.Attended)
            .ShouldBe(fixture.TellsAttendance ? fixture.People.Count(p => p.Attended) : 0);
        participations.Count(p => p.AttendeeKey != null).ShouldBe(fixture.Key switch
        {
            FixtureKey.MeetupMember => fixture.People.Count,
            FixtureKey.Email => fixture.Rows().Count(r => r.Email != null),
            _ => 0,
        });
    }

    [Theory, MemberData(nameof(Imports))]
    public async Task Keeps_å_ä_ö_on_every_path_into_the_database_and_stores_no_name_or_email(string file, string provider)
    {
        var fixture = FixtureFiles.Named(file);
        await using var database = await DatabaseAsync(provider);

        await ImportAsync(database, fixture);

        var profiles = await QueryAsync(database, db => db.Participations.Where(p => p.HasProfile)
            .Select(p => new FixtureProfile(p.SectorCode, p.ProfessionCode, p.Organisation == null ? null : p.Organisation.Name, p.MunicipalityCode))
            .ToListAsync());
        profiles.ShouldBe(fixture.People.Where(p => p.Consents).Select(p => p.Profile), ignoreOrder: true);
        var unmapped = await QueryAsync(database, db => db.UnmappedValues.Select(u => new { u.Column, u.RawValue, u.Count }).ToListAsync());
        unmapped.Select(u => (u.Column, u.RawValue, u.Count)).ShouldBe(
            [("sector", FixtureFiles.UnmappedSector, 1), ("organisation", FixtureFiles.UnmappedOrganisation, 1)], ignoreOrder: true);
        var stored = await QueryAsync(database, DatabaseContents.TextAsync);
        foreach (var person in fixture.People)
        {
            stored.ShouldNotContain(s => s.Contains(person.Name, StringComparison.OrdinalIgnoreCase), person.Name);
            stored.ShouldNotContain(s => s.Contains(person.LastName, StringComparison.OrdinalIgnoreCase), person.LastName);
            stored.ShouldNotContain(s => s.Contains(person.Email, StringComparison.OrdinalIgnoreCase), person.Email);
        }
    }
}
