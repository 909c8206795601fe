using System.Text;
using Analytics.Core.Taxonomies;
using Analytics.Ingest.Mapping;
using Analytics.Ingest.Tests.Robustness;
using Analytics.Ingest.Text;
using Analytics.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Ingest.Tests.Privacy;

/// <summary>No name, e-mail address, Meetup title or note from any file ever reaches the database file, in any form.</summary>
public class DatabaseFileTests
{
    /// <summary>Every name, e-mail, title and note in the sample lists, the Forms export and the fixtures of every format.</summary>
    private static IEnumerable<string> PersonalValues()
    {
        foreach (var path in SampleDatabase.MeetupLists)
        {
            var list = SampleCsv.Read(path);
            foreach (var column in new[] { "Name", "Title", "Notes" }.Where(list.Header.Contains))
                foreach (var value in list.Values(column)) yield return value;
        }
        foreach (var path in SampleDatabase.FormsExports)
        {
            using var table = new XlsxTable(File.OpenRead(path));
            var (name, email) = (table.Header.Column("Name"), table.Header.Column("Email"));
            foreach (var row in table.Rows())
            {
                yield return row.Cell(name);
                if (row.Cell(email).Contains('@')) yield return row.Cell(email);
            }
        }
        foreach (var person in FixtureFiles.People)
            foreach (var value in new[] { person.Name, person.FirstName, person.LastName, person.Email })
                yield return value;
        yield return "Förändringsledare på Hisingen";
    }

    /// <summary>
    /// What the database stores by right: organisation and event names from the catalogues, and the taxonomies. A
    /// personal value that is part of one of these (a surname that is also a place in an organisation's name) proves
    /// nothing by being found, so it is not looked for.
    /// </summary>
    private static List<string> LegitimatelyStored()
    {
        var organisations = SampleCsv.Read(SampleData.Organisations);
        var events = SampleCsv.Read(SampleData.File("events.csv"));
        return
        [
            .. organisations.Values("name"), .. events.Values("title"), .. events.Values("slug"), FixtureFiles.EventTitle,
            .. Enum.GetValues<Dimension>().SelectMany(d => Taxonomy.For(d).SelectMany(c => Synonyms.For(d, c.Code).Append(c.NameSv).Append(c.NameEn))),
        ];
    }

    // SQLite only by design: it searches the bytes of the database file, which only the embedded database has; the
    // import tests check what reaches the rows on every provider.
    [Fact]
    public async Task No_name_email_title_or_note_from_any_fixture_is_anywhere_in_the_sqlite_file()
    {
        await using var database = await SampleDatabase.CreateAsync("sqlite");
        await database.AddFixtureEventAsync();
        foreach (var path in SampleDatabase.MeetupLists.Concat(SampleDatabase.FormsExports))
            (await database.ImportSampleAsync(path)).Refusal.ShouldBeNull(path);
        foreach (var fixture in FixtureFiles.All)
            (await database.ImportAsync(new ImportRequest(fixture.Open(), fixture.FileName, FixtureFiles.EventSlug, "test") { Mapping = fixture.Mapping }))
                .Refusal.ShouldBeNull(fixture.FileName);

        var legitimate = LegitimatelyStored();
        // Values of three letters or fewer ("Åsa", "Bo") turn up inside ordinary words and codes, so finding them would
        // prove nothing; every value is also sought lower-cased and normalised, as answers are kept.
        var sought = PersonalValues().Select(v => v.Trim()).Where(v => v.Length >= 4)
            .Where(v => !legitimate.Any(l => l.Contains(v, StringComparison.OrdinalIgnoreCase)))
            .SelectMany(v => new[] { v, v.ToLowerInvariant(), TextKey.Of(v) }).ToHashSet();
        sought.Count.ShouldBeGreaterThan(500);

        await using (var db = database.Open())
        {
            (await db.Participations.CountAsync()).ShouldBeGreaterThan(1000);
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        SqliteConnection.ClearAllPools();
        var folder = Path.GetDirectoryName(new SqliteConnectionStringBuilder(database.Settings.ConnectionString).DataSource)!;
        var files = Directory.GetFiles(folder).Select(File.ReadAllBytes).ToList();
        files.Sum(f => f.Length).ShouldBeGreaterThan(100_000);

        var found = sought.Where(value => files.Any(file => file.AsSpan().IndexOf(Encoding.UTF8.GetBytes(value)) >= 0)).ToList();

        found.ShouldBeEmpty();
    }
}
