using System.Text.RegularExpressions;
using Analytics.Core.Consent;
using Analytics.Core.Events;
using Analytics.Core.Imports;
using Analytics.Core.Organisations;
using Analytics.Core.Participations;
using Analytics.Core.Privacy;
using Analytics.Core.Taxonomies;
using Analytics.Data;
using Analytics.Ingest.Mapping;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Ingest;

/// <summary>The state of one import while its rows stream through, inside the import's transaction.</summary>
internal sealed partial class ImportRun(AnalyticsDbContext db, AttendeeKeyHasher keys, TimeProvider clock, Event ev, AnswerMapper mapper, ImportRequest request)
{
    /// <summary>The consent question on Meetup RSVPs and forms is the network's text version 1, in Swedish.</summary>
    public const string ImportedConsentVersion = "rsvp-1";

    private const string AnonymousPrefix = "row:";

    /// <summary>The longest answer the database keeps (as an unmapped value, or a new organisation's name).</summary>
    private const int MaxAnswerLength = 200;

    private readonly List<RowProblem> _errors = [];
    private readonly Dictionary<(Question Question, string Value), int> _unmapped = [];
    private readonly Dictionary<string, Unknown> _unknownOrganisations = [];
    private readonly List<Organisation> _newOrganisations = [];
    private readonly HashSet<string> _seenSourceKeys = [];
    private readonly HashSet<string> _consentedKeys = [];
    private Dictionary<string, Participation> _existing = [];
    private ImportBatch _batch = null!;
    private int _accepted, _created, _updated, _withProfile, _replaced;

    public int RowsRead { get; private set; }

    public async Task StartAsync(string kind, string fileName, string sha256, CancellationToken cancellationToken)
    {
        _batch = new ImportBatch
        {
            Kind = kind, FileName = Fit(fileName, 200)!, Sha256 = sha256, EventId = ev.Id, ImportedBy = request.ImportedBy,
            ImportedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.ImportBatches.Add(_batch);
        await db.SaveChangesAsync(cancellationToken);

        // Rows without any identifier cannot be matched to their earlier selves, so a new list from the same source
        // replaces them as a set instead of adding them again.
        var anonymous = db.Participations.Where(p => p.EventId == ev.Id && p.Channel == kind && p.SourceKey.StartsWith(AnonymousPrefix));
        _replaced = await anonymous.CountAsync(cancellationToken);
        if (_replaced > 0) await anonymous.ExecuteDeleteAsync(cancellationToken);
        _existing = await db.Participations.Where(p => p.EventId == ev.Id).ToDictionaryAsync(p => p.SourceKey, cancellationToken);
        // Their consent was recorded when an earlier list of this event was imported; an updated list must not record it again.
        _consentedKeys.UnionWith(_existing.Values.Where(p => p.HasProfile && p.AttendeeKey is not null).Select(p => p.AttendeeKey!));
    }

    public async Task AddAsync(SourceRow row, CancellationToken cancellationToken)
    {
        RowsRead++;
        if (row.Problem is not null)
        {
            _errors.Add(new RowProblem(row.RowNumber, row.ProblemColumn, row.Problem));
            return;
        }
        if (OrganisationNumberProblem(Answer(row, Question.Organisation)) is { } numberProblem)
        {
            _errors.Add(new RowProblem(row.RowNumber, Question.Organisation.ToString().ToLowerInvariant(), numberProblem));
            return;
        }
        // The consent answer is only read, never kept, so a long consent sentence is fine.
        if (row.Answers.FirstOrDefault(a => a.Key != Question.Consent && a.Value.Trim().Length > MaxAnswerLength) is { Value: not null } tooLong)
        {
            _errors.Add(new RowProblem(row.RowNumber, Code(tooLong.Key), Messages.Say("Svaret är längre än {0} tecken; korta det eller ta bort det ur filen.", MaxAnswerLength)));
            return;
        }

        var attendeeKey = row.MeetupMemberId is { } member ? keys.ForMeetupMember(member)
            : row.Email is { } email ? keys.ForEmail(email) : null;
        var sourceKey = attendeeKey is not null ? $"k:{attendeeKey}"
            : row.ResponseId is { Length: > 0 } id ? $"r:{id}" : $"{AnonymousPrefix}{row.RowNumber}";
        if (!_seenSourceKeys.Add(sourceKey))
        {
            _errors.Add(new RowProblem(row.RowNumber, null, Messages.Say("Samma person förekommer redan tidigare i filen; raden räknas inte två gånger.")));
            return;
        }

        var isNew = !_existing.TryGetValue(sourceKey, out var participation);
        participation ??= new Participation
        {
            EventId = ev.Id, SourceKey = sourceKey, RoleCode = RoleCodes.Participant, Channel = _batch.Kind,
            RecordKey = Random.Shared.NextDouble(),
        };
        participation.AttendeeKey ??= attendeeKey;
        participation.Rsvp = row.Rsvp;
        participation.RsvpAtUtc = row.RsvpAtUtc ?? participation.RsvpAtUtc;
        // A list without attendance must not erase attendance marked by an earlier list.
        if (row.Attendance != Attendance.Unknown || isNew) participation.Attendance = row.Attendance;
        participation.Guests = row.Guests;
        participation.ImportBatchId = _batch.Id;
        participation.RoleCode = row.IsEventHost ? RoleCodes.Organiser
            : Answer(row, Question.Role) is { Length: > 0 } role ? Map(role, Question.Role, Dimension.Role) ?? RoleCodes.Participant
            : participation.RoleCode;

        ApplyProfile(row, participation, attendeeKey);
        if (isNew)
        {
            db.Participations.Add(participation);
            _existing[sourceKey] = participation;
            _created++;
        }
        else _updated++;
        _accepted++;
        if (_accepted % 1000 == 0) await db.SaveChangesAsync(cancellationToken);
    }

    private void ApplyProfile(SourceRow row, Participation participation, string? attendeeKey)
    {
        participation.HasProfile = AnswerMapper.Consented(Answer(row, Question.Consent));
        participation.SectorCode = participation.ProfessionCode = participation.MunicipalityCode = null;
        // Cleared through both the navigation and the key: a row points at a known organisation by its key only (the
        // mapper's organisations are shared between imports and never attached), at one made by this import by the navigation.
        participation.Organisation = null;
        participation.OrganisationId = null;
        participation.UnmappedOrganisation = null;
        // Without consent nothing but the bare participation is kept, even where the answers were filled in.
        if (!participation.HasProfile) return;

        _withProfile++;
        participation.SectorCode = Map(Answer(row, Question.Sector), Question.Sector, Dimension.Sector);
        participation.ProfessionCode = Map(Answer(row, Question.Profession), Question.Profession, Dimension.Profession);
        participation.MunicipalityCode = MapMunicipality(Answer(row, Question.Municipality));
        MapOrganisation(Answer(row, Question.Organisation), participation);
        if (attendeeKey is not null && _consentedKeys.Add(attendeeKey))
            db.ConsentRecords.Add(new ConsentRecord
            {
                AttendeeKey = attendeeKey, TextVersion = ImportedConsentVersion, Language = "sv", Purposes = ConsentPurposes.Statistics,
                Channel = _batch.Kind, GivenAtUtc = row.RsvpAtUtc ?? clock.GetUtcNow().UtcDateTime,
            });
    }

    /// <summary>The organiser's mapping first, then names and synonyms; an answer matching neither is counted as unmapped.</summary>
    private string? Map(string answer, Question question, Dimension dimension)
    {
        if (answer.Length == 0) return null;
        var code = request.Mapping.ValueFor(question, answer) is { } mapped && mapper.Category(dimension, mapped) is { } known
            ? known
            : mapper.Category(dimension, answer);
        if (code is null) Unmapped(question, answer);
        return code;
    }

    private string? MapMunicipality(string answer) =>
        answer.Length > 0 && Municipalities.IsValidCode(answer) && mapper.Category(Dimension.Municipality, answer) is null
            ? answer
            : Map(answer, Question.Municipality, Dimension.Municipality);

    private void MapOrganisation(string answer, Participation participation)
    {
        if (answer.Length == 0) return;
        var organisation = mapper.Organisation(answer)
            ?? (request.Mapping.ValueFor(Question.Organisation, answer) is { } name ? mapper.Organisation(name) : null)
            ?? Create(answer, participation.SectorCode, participation.MunicipalityCode);
        if (organisation is null)
        {
            participation.UnmappedOrganisation = TextKey.Of(answer);
            Unmapped(Question.Organisation, answer);
            var unknown = _unknownOrganisations.TryGetValue(TextKey.Of(answer), out var seen) ? seen : new Unknown(answer.Trim());
            _unknownOrganisations[TextKey.Of(answer)] = unknown with
            {
                Count = unknown.Count + 1,
                Sector = unknown.Sector ?? participation.SectorCode ?? SectorFromNumber(answer),
            };
            return;
        }
        // A new organisation gets its id when saved: EF sets the key from the navigation then.
        if (organisation.Id > 0) participation.OrganisationId = organisation.Id;
        else participation.Organisation = organisation;
    }

    /// <summary>
    /// A new organisation only on confirmation: the organiser's choice of sector, or (when new organisations are
    /// accepted) the sector the row gives or the organisationsnummer tells. Never a guess.
    /// </summary>
    private Organisation? Create(string answer, string? rowSector, string? rowMunicipality)
    {
        var sector = request.Mapping.NewOrganisationSector(answer)
            ?? (request.AcceptNewOrganisations ? rowSector ?? SectorFromNumber(answer) : null);
        if (sector is null) return null;
        var number = Organisationsnummer.TryParse(answer, out var parsed, out _) ? parsed.Digits : null;
        var organisation = new Organisation
        {
            Name = answer.Trim(), SectorCode = sector, Organisationsnummer = number, MunicipalityCode = rowMunicipality,
        };
        db.Organisations.Add(organisation);
        mapper.Add(organisation);
        _newOrganisations.Add(organisation);
        return organisation;
    }

    private static string? SectorFromNumber(string answer) =>
        Organisationsnummer.TryParse(answer, out var number, out _) ? number.SectorHint : null;

    /// <summary>An answer written like an organisationsnummer must be a valid one.</summary>
    private static string? OrganisationNumberProblem(string answer) =>
        NumberLike().IsMatch(answer) && !Organisationsnummer.TryParse(answer, out _, out var error) ? error : null;

    private void Unmapped(Question question, string answer)
    {
        var key = (question, answer.Trim());
        _unmapped[key] = _unmapped.GetValueOrDefault(key) + 1;
    }

    private static string Answer(SourceRow row, Question question) => row.Answers.GetValueOrDefault(question, "").Trim();

    public async Task<ImportResult> FinishAsync(bool listHasAttendance, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        var rows = _existing.Values.Where(p => p.ImportBatchId == _batch.Id).ToList();
        // A list that marks attendance for a held event tells us that unmarked "yes" registrations did not come.
        if (listHasAttendance && ev.IsHeldBy(clock.GetUtcNow().UtcDateTime) && rows.Any(p => p.Attendance == Attendance.Attended))
            foreach (var p in rows.Where(p => p.Attendance == Attendance.Unknown && p.Rsvp == Rsvp.Yes))
                p.Attendance = Attendance.NoShow;

        await SaveMappingAsync(cancellationToken);
        _batch.RowsRead = RowsRead;
        _batch.RowsAccepted = _accepted;
        _batch.RowsRejected = _errors.Count;
        _batch.Status = _errors.Count == 0 ? ImportStatus.Completed : ImportStatus.CompletedWithErrors;
        _batch.Errors = _errors.Select(e => new ImportRowError { RowNumber = e.Row, Column = Fit(e.Column, 200), Reason = Fit(e.Reason, 500)! }).ToList();
        _batch.UnmappedValues = _unmapped.Select(u => new UnmappedValue { Column = Code(u.Key.Question), RawValue = u.Key.Value, Count = u.Value }).ToList();
        ev.DataVersion++;
        await db.SaveChangesAsync(cancellationToken);

        return new ImportResult
        {
            BatchId = _batch.Id, FileName = _batch.FileName, Kind = _batch.Kind, Status = _batch.Status, DryRun = request.DryRun,
            RowsRead = RowsRead, RowsAccepted = _accepted, RowsRejected = _errors.Count, Created = _created, Updated = _updated,
            Replaced = _replaced, WithProfile = _withProfile, Errors = _errors,
            Unmapped = _unmapped.OrderByDescending(u => u.Value).ThenBy(u => u.Key.Value, StringComparer.Ordinal)
                .Select(u => new UnmappedCount(Code(u.Key.Question), u.Key.Value, u.Value)).ToList(),
            ProposedOrganisations = _unknownOrganisations.Values.OrderByDescending(o => o.Count).ThenBy(o => o.Name, StringComparer.Ordinal)
                .Select(o => new ProposedOrganisation(o.Name, o.Count, o.Sector)).ToList(),
            NewOrganisations = _newOrganisations.Select(o => o.Name).ToList(),
        };
    }

    /// <summary>
    /// The organiser's answers are kept, as synonyms of categories and aliases of organisations, so the next file
    /// needs no mapping for them. Inside the import's transaction: a dry run keeps nothing.
    /// </summary>
    private async Task SaveMappingAsync(CancellationToken cancellationToken)
    {
        foreach (var (question, answers) in request.Mapping.Values)
            foreach (var (answer, target) in answers)
            {
                if (question == Question.Organisation)
                {
                    if (mapper.Organisation(target) is { Id: > 0 } organisation && mapper.Organisation(answer) is null)
                    {
                        var tracked = await db.Organisations.SingleAsync(o => o.Id == organisation.Id, cancellationToken);
                        tracked.Aliases = Append(tracked.Aliases, answer.Trim(), MaxAliases);
                        mapper.Add(tracked);
                    }
                    continue;
                }
                if (DimensionFor(question) is not { } dimension || mapper.Category(dimension, target) is not { } code) continue;
                if (mapper.HasSynonym(dimension, code, answer)) continue;
                var category = await db.TaxonomyCategories.SingleOrDefaultAsync(c => c.Dimension == dimension.Code() && c.Code == code, cancellationToken);
                if (category is not null && !Split(category.Synonyms).Any(s => TextKey.Of(s) == TextKey.Of(answer)))
                    category.Synonyms = Append(category.Synonyms, answer.Trim(), MaxSynonyms);
            }
    }

    public static Dimension? DimensionFor(Question question) => question switch
    {
        Question.Sector => Dimension.Sector,
        Question.Profession => Dimension.Profession,
        Question.Municipality => Dimension.Municipality,
        Question.Role => Dimension.Role,
        _ => null,
    };

    /// <summary>The column sizes of the stored lists (see AnalyticsDbContext).</summary>
    private const int MaxAliases = 1000, MaxSynonyms = 2000;

    /// <summary>Adds a name to a '|'-separated list; a full list keeps what it has, and the answer stays a mapping of this import only.</summary>
    private static string? Append(string? list, string value, int max)
    {
        var appended = list is { Length: > 0 } ? $"{list}|{value}" : value;
        return appended.Length <= max ? appended : list;
    }

    private static IEnumerable<string> Split(string? list) => (list ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries);

    private static string Code(Question question) => question.ToString().ToLowerInvariant();

    /// <summary>
    /// Cut to the length the database keeps. A reason can quote a whole runaway cell (a stray quote swallows the rest of
    /// the file); the organiser still reads it in full in the result.
    /// </summary>
    private static string? Fit(string? text, int length) => text?.Length > length ? string.Concat(text.AsSpan(0, length - 1), "…") : text;

    private sealed record Unknown(string Name, int Count = 0, string? Sector = null);

    [GeneratedRegex(@"^\s*\d[\d\s-]{8,13}\d\s*$")]
    private static partial Regex NumberLike();
}
