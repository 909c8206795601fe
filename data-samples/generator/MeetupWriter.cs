namespace Analytics.SampleData;

using static Csv;

/// <summary>Writes an event's attendee list the way Meetup's "download attendee list" does, in its two known layouts.</summary>
static class MeetupWriter
{
    public static readonly string[] ClassicColumns =
        ["Name", "User ID", "Title", "Event Host", "RSVP", "Guests", "RSVPed on", "Joined Group on", "URL of Member Profile"];

    public static readonly string[] AttendanceColumns =
    [
        "Name", "Attendance", "User ID", "Title", "Event Host", "RSVP", "Guests", "RSVPed on", "Joined Group on",
        "URL of Member Profile", "Notes",
    ];

    public static string FileName(EventDefinition e) => e.Slug + (e.List == AttendeeList.MeetupClassic ? ".tsv" : ".csv");

    public static void Write(string path, EventDefinition e, IReadOnlyList<Registration> rows)
    {
        // The classic export is tab-separated with US dates; the newer one is comma-separated with ISO dates.
        var classic = e.List == AttendeeList.MeetupClassic;
        var dateTimeFormat = classic ? "M/d/yyyy H:mm" : "yyyy-MM-dd HH:mm";
        var dateFormat = classic ? "M/d/yyyy" : "yyyy-MM-dd";

        List<IEnumerable<string>> lines = [[.. classic ? ClassicColumns : AttendanceColumns, .. Taxonomy.Questions]];
        foreach (var row in rows)
        {
            var person = row.Person;
            var joined = person.JoinedGroup ?? throw new InvalidOperationException("Join dates are set before lists are written.");
            var fields = new List<string> { person.MeetupName };
            if (!classic)
                fields.Add(row.Attended ? "Y" : "");
            fields.AddRange(
            [
                row.UserIdOnlyInUrl ? "" : $"user {Invariant(person.MemberId)}",
                person.MeetupTitle,
                row.EventHost ? "Yes" : "No",
                row.Rsvp.ToString(),
                Invariant(row.Guests),
                Invariant(row.RespondedAt, dateTimeFormat),
                Invariant(joined, dateFormat),
                $"https://www.meetup.com/members/{Invariant(person.MemberId)}/",
            ]);
            if (!classic)
                fields.Add(row.Notes);
            fields.AddRange(
            [
                row.SectorAnswer, row.ProfessionAnswer, row.OrganisationAnswer, row.MunicipalityAnswer, row.RoleAnswer,
                row.ConsentAnswer,
            ]);
            lines.Add(fields);
        }
        Csv.Write(path, lines, classic ? '\t' : ',');
    }
}
