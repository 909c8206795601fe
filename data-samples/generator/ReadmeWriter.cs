namespace Analytics.SampleData;

using System.Text;
using static Taxonomy;

/// <summary>Writes data-samples/README.md from the generated data, so its counts can never drift from the files.</summary>
static class ReadmeWriter
{
    public static void Write(string path, List<(EventDefinition Event, List<Registration> Rows)> lists)
    {
        var rows = lists.SelectMany(l => l.Rows).ToList();
        var meetupRows = lists.Where(l => l.Event.List != AttendeeList.Forms).SelectMany(l => l.Rows).ToList();
        var people = rows.Select(r => r.Person).Distinct().ToList();
        var returning = rows.GroupBy(r => r.Person).Count(g => g.Count() > 1);
        var knownNames = Catalogue.Organisations.Select(o => o.Name).ToHashSet();
        var held = lists.Count(l => !l.Event.Planned);
        var classic = lists.Count(l => l.Event.List == AttendeeList.MeetupClassic);
        var newer = lists.Count(l => l.Event.List == AttendeeList.MeetupWithAttendance);
        var attendanceRows = lists.Where(l => l.Event.AttendanceKnown && l.Event.List != AttendeeList.Forms)
            .SelectMany(l => l.Rows).Where(r => r.Rsvp == Rsvp.Yes).ToList();
        var noShowShare = 1.0 * attendanceRows.Count(r => !r.Attended) / attendanceRows.Count;
        var firstMeeting = lists.Single(l => l.Event.Slug == Registrations.FirstMeetingSlug).Rows;

        var text = new StringBuilder();
        text.Append($$"""
            # Sample data

            > Svenska: fiktiva men realistiska exempelfiler för One Team Gov Västsverige 2025–2026 (Meetup-listor, ett Forms-formulär,
            > organisationer, evenemang och ett exempel på målfördelning); alla personer är påhittade, organisationerna är verkliga.

            These files tell one made-up story of One Team Gov Västsverige from October 2025 to December 2026, as seen on
            2026-11-26: five preparatory events in autumn 2025 (workshops hosted by Västra Götalandsregionen with Göteborgs Stad
            and others, and one online start-up meeting), the network's first meeting on 2026-03-23 in Göteborg, an
            international guest speaker at Offentliga rummet in May 2026, meetings across Västra Götaland and online, one
            workshop with QR check-in through Microsoft Forms, and three events in December 2026 that are still planned (their
            lists have registrations but no attendance).

            They are the input for `analytics seed`, for the importer's tests and for trying the app by hand. Every file is written
            by the generator in `generator/`; do not edit them by hand, change the generator and run it again.

            ## Regenerate

            ```
            dotnet run --project data-samples/generator            # writes into data-samples/
            dotnet run --project data-samples/generator -- OUTDIR  # writes somewhere else
            ```

            The generator uses `new Random(2026)`, the invariant culture, no clock and fixed timestamps inside the .xlsx, so
            every run writes the same bytes (check with `sha256sum`).

            ## People and organisations

            - **Every person is fictional.** Names are random pairs from short lists of common Swedish first and last names;
              Meetup member ids, e-mail addresses (all `@example.se`) and profile URLs are made up. Any likeness to a real
              person is chance.
            - **Organisations are real public bodies, universities, associations and companies** named as they call themselves.
              Their participation here is invented: nothing says that any of them takes part in the network.
            - `organisationsnummer` is filled in only where the number was checked against a public source and passes the Luhn
              check (the generator checks it and leaves the field empty otherwise); it is empty for the rest.
            - Three organisations in the answers are invented and appear in no catalogue, to exercise unknown organisations:
              {{string.Join(", ", Catalogue.Uncatalogued.Select(o => $"\"{o.Name}\""))}}.

            ## Codes used in the catalogue files

            - sector: {{Codes(SectorLabels.Keys)}}
            - profession: {{Codes(ProfessionLabels.Keys)}}
            - municipality: SCB kommunkod (`1480` Göteborg; outside Västra Götaland e.g. `1384` Kungsbacka, `0180` Stockholm), or `utland`
            - format: {{Codes(Catalogue.Events.Select(e => e.Format).Distinct())}}
            - role (in the answers): `Deltagare`, `Talare`, `Arrangör`

            ## Totals

            | what | count |
            | --- | --- |
            | events | {{lists.Count}} ({{held}} held, {{lists.Count - held}} planned) |
            | participation rows, all files | {{rows.Count}} |
            | rows in Meetup lists | {{meetupRows.Count}} in {{classic + newer}} files ({{classic}} classic .tsv, {{newer}} newer .csv) |
            | rows in the Forms export | {{rows.Count - meetupRows.Count}} |
            | RSVP yes / no / waitlist (Meetup) | {{meetupRows.Count(r => r.Rsvp == Rsvp.Yes)}} / {{meetupRows.Count(r => r.Rsvp == Rsvp.No)}} / {{meetupRows.Count(r => r.Rsvp == Rsvp.Waitlist)}} |
            | no-shows where attendance is known | {{Percent(noShowShare)}} of RSVP yes |
            | distinct people | {{people.Count}} (of a pool of {{People.PoolSize}}), {{returning}} of them in more than one list |
            | organisations in `organisations.csv` | {{Catalogue.Organisations.Length}} ({{Catalogue.Organisations.Count(Catalogue.IsHost)}} hosts, {{Catalogue.Organisations.Count(o => o.OrganisationNumber is { } n && Catalogue.HasValidCheckDigit(n))}} with organisationsnummer) |
            | organisations named in answers but in no catalogue | {{Catalogue.Uncatalogued.Length}} |

            ## Files

            | file | what it is | rows |
            | --- | --- | --- |
            | `organisations.csv` | catalogue: `organisationsnummer,name,sector,municipality,host`; sector and municipality are taxonomy codes | {{Catalogue.Organisations.Length}} |
            | `events.csv` | catalogue: `slug,title,starts,ends,format,municipality,online,capacity,meetup_event_id,hosts`; local Stockholm time, hosts joined with `;` and spelled as in `organisations.csv` | {{lists.Count}} |
            | `mapping.json` | answers an organiser has already mapped once ({{Distributions.SavedMappings.Length}} of them), in the importer's mapping format (`analytics import --mapping`); the sample seed applies it, and leaves other variants (Chalmers, Gbg, Studerande, unknown organisations) for the import preview | {{Distributions.SavedMappings.Length}} |
            | `targets.example.csv` | an **example** target mix per `sector` and `profession` (each sums to 1.0); every note says "{{Distributions.ExampleTargetNote}}" | {{Distributions.ExampleTargets.Length}} |

            """);

        text.Append("""

            ### Attendee lists

            | file | event | layout | rows | RSVP yes | attended |
            | --- | --- | --- | --- | --- | --- |

            """);
        foreach (var (e, list) in lists)
        {
            var file = e.List == AttendeeList.Forms ? $"forms/{FormsWriter.FileName(e)}" : $"meetup/{MeetupWriter.FileName(e)}";
            var layout = e.List switch
            {
                AttendeeList.MeetupClassic => "Meetup classic (tab, US dates)",
                AttendeeList.MeetupWithAttendance => e.Planned ? "Meetup newer (comma, ISO), planned" : "Meetup newer (comma, ISO)",
                _ => "Microsoft Forms (.xlsx)",
            };
            var yes = e.List == AttendeeList.Forms ? "–" : list.Count(r => r.Rsvp == Rsvp.Yes).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var attended = e.AttendanceKnown ? list.Count(r => r.Attended).ToString(System.Globalization.CultureInfo.InvariantCulture) : "unknown";
            text.Append($"| `{file}` | {e.Title} | {layout} | {list.Count} | {yes} | {attended} |\n");
        }

        text.Append($$"""

            ## Formats, exactly as written

            All text files are UTF-8 without a byte-order mark, with LF line ends; a field is quoted only when it holds the
            separator or a quote.

            - Classic Meetup list (`.tsv`, events up to June 2026), tab-separated, dates like `3/23/2026 17:30` (RSVPed on) and
              `3/2/2026` (Joined Group on); attendance is not in this layout:
              `{{string.Join("\\t", [.. MeetupWriter.ClassicColumns, .. Questions])}}`
            - Newer Meetup list (`.csv`, from August 2026, and the first meeting), comma-separated, dates like `2026-09-17 12:04`
              and `2026-08-30`; `Attendance` is `Y` or empty, and empty on every row of a planned event:
              `{{string.Join(",", [.. MeetupWriter.AttendanceColumns, .. Questions])}}`
            - Microsoft Forms export (`forms/*.xlsx`), sheet `Sheet1`, shared strings, the `ID` as a number and the times as text
              like `2026-10-08 09:14:03`:
              `{{string.Join(", ", [.. FormsWriter.Columns, .. Questions])}}`

            `User ID` reads `user 12345678`; the profile URL is `https://www.meetup.com/members/12345678/`. `Event Host` is `Yes`
            for the organisers, whose role answer is `Arrangör`; `Title` is `Organizer` or `Co-Organizer` for them and empty for
            everyone else. `Name`, `Title`, `Notes`, `Email` and the Forms `Name` are personal data that the importer must drop.

            ## The first meeting, pinned

            `meetup/{{Registrations.FirstMeetingSlug}}.csv` is held to the figures DESIGN.md quotes, so tests can assert them:

            - {{firstMeeting.Count(r => r.Rsvp == Rsvp.Yes)}} RSVP yes, no guests, {{firstMeeting.Count(r => r.Rsvp != Rsvp.Yes)}} RSVP no;
            - {{firstMeeting.Count(r => r.Attended)}} attended, {{firstMeeting.Count(r => r.Attended && r.ConsentAnswer == "Ja")}} of them with consent `Ja`;
            - the sector answer `Kommunal verksamhet` exactly {{firstMeeting.Count(r => r.SectorAnswer == "Kommunal verksamhet")}} times.

            ## Deliberate quirks (for import testing)

            Meetup's RSVP questions are free text, so answers there vary the way people write; Forms offers fixed choices for all
            but the organisation. Counts are over all files.


            """);

        Quirk(text, "Sector answers that need mapping", rows.Select(r => r.SectorAnswer), SectorLabels.Values);
        Quirk(text, "Profession answers that need mapping", rows.Select(r => r.ProfessionAnswer), ProfessionLabels.Values);
        Quirk(text, "Municipality answers that need mapping", rows.Select(r => r.MunicipalityAnswer), MunicipalityNames.Values);
        Quirk(text, "Organisation answers that match no catalogue name", rows.Select(r => r.OrganisationAnswer), knownNames);

        var consentNo = rows.Count(r => r.ConsentAnswer == "Nej");
        var signedIn = lists.Where(l => l.Event.List == AttendeeList.Forms)
            .Sum(l => Enumerable.Range(0, l.Rows.Count).Count(FormsWriter.LeftTheirName));
        var overCapacity = lists.Count(l => l.Rows.Any(r => r.Rsvp == Rsvp.Waitlist));
        var widerLetters = people.SelectMany(p => new[] { p.FirstName, p.LastName })
            .Where(n => n.Any(c => c > 'z' && !"åäöÅÄÖ".Contains(c)))
            .Distinct().Order(StringComparer.Ordinal).Select(n => $"`{n}`");
        text.Append($$"""
            - **Consent `Nej`** on {{consentNo}} rows ({{Percent(1.0 * consentNo / rows.Count)}}); their other answers are
              mostly still filled in and must be dropped. **Consent left blank** on {{Blanks(rows, r => r.ConsentAnswer)}} rows:
              no consent either.
            - **Blank answers:** sector {{Blanks(rows, r => r.SectorAnswer)}}, profession {{Blanks(rows, r => r.ProfessionAnswer)}},
              municipality {{Blanks(rows, r => r.MunicipalityAnswer)}}, role {{Blanks(rows, r => r.RoleAnswer)}} (always a participant),
              organisation {{rows.Count(r => r.Person.Organisation is not null && r.OrganisationAnswer.Length == 0)}} (and residents
              and others with no organisation leave it empty as well).
            - **Guests:** {{rows.Count(r => r.Guests > 0)}} RSVPs bring 1 or 2 guests ({{rows.Sum(r => r.Guests)}} guests in all),
              who count in the headcount but have no profile.
            - **RSVP `No`** on {{rows.Count(r => r.Rsvp == Rsvp.No)}} rows, and **`Waitlist`** on {{rows.Count(r => r.Rsvp == Rsvp.Waitlist)}}
              rows of the {{overCapacity}} events that filled up.
            - **Organisers and speakers:** `Event Host` is `Yes` for 1–3 organisers per event ({{rows.Count(r => r.EventHost)}} rows),
              and 1–3 speakers (`Talare`) per event ({{rows.Count(r => r.Role == RoleSpeaker)}} rows). The guest speaker at
              Offentliga rummet comes from the OECD Observatory of Public Sector Innovation (sector `Internationell organisation`,
              municipality `Utomlands`); one online lecture has a speaker from One Team Gov UK.
            - **User ID only in the profile URL:** {{meetupRows.Count(r => r.UserIdOnlyInUrl)}} Meetup rows have an empty `User ID`.
            - **Notes** on {{rows.Count(r => r.Notes.Length > 0)}} rows of the newer layout, some with commas (quoted fields).
            - **Multi-select in Forms:** {{rows.Count(r => r.ProfessionAnswer.Contains(';'))}} Forms rows answer two professions joined with `;`.
            - **Forms identities:** `Email` is `anonymous` with an empty `Name` on most rows; {{signedIn}} rows carry a
              fictional `@example.se` address and a name.
            - **Returning people and newcomers:** the same Meetup member ids recur across lists, organisations join the network
              over the year (the uncatalogued ones only from autumn 2026), and no-shows differ by sector.
            - **Letters beyond å ä ö** in names ({{string.Join(", ", widerLetters)}}) test that UTF-8 survives.

            """);

        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
    }

    static void Quirk(StringBuilder text, string title, IEnumerable<string> answers, IEnumerable<string> canonical)
    {
        var known = canonical.ToHashSet(StringComparer.Ordinal);
        var odd = answers.Where(a => a.Length > 0 && !known.Contains(a))
            .GroupBy(a => a)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key.Trim() == g.Key ? $"`{g.Key}`" : $"`\"{g.Key}\"`") + $" x{g.Count()}");
        text.Append($"- **{title}:** {string.Join(", ", odd)}.\n");
    }

    static int Blanks(List<Registration> rows, Func<Registration, string> answer) => rows.Count(r => answer(r).Length == 0);

    static string Codes(IEnumerable<string> codes) => string.Join(", ", codes.Select(c => $"`{c}`"));

    static string Percent(double share) => share.ToString("0.0 %", System.Globalization.CultureInfo.InvariantCulture);
}
