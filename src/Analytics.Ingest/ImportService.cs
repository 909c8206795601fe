using System.Security.Cryptography;
using Analytics.Core.Consent;
using Analytics.Core.Events;
using Analytics.Core.Imports;
using Analytics.Core.Organisations;
using Analytics.Core.Participations;
using Analytics.Core.Privacy;
using Analytics.Core.Taxonomies;
using Analytics.Data;
using Analytics.Ingest.Forms;
using Analytics.Ingest.Mapping;
using Analytics.Ingest.Meetup;
using Analytics.Ingest.Text;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Ingest;

/// <summary>
/// The import transaction, shared by uploads, the command line and seeding. Every row is accounted for: imported, or
/// reported with its row number and reason. Importing the same file twice changes nothing; importing an updated list
/// for the same event updates its participations instead of duplicating them.
/// </summary>
public sealed class ImportService(AnalyticsDbContext db, AttendeeKeyHasher keys, TimeProvider clock)
{
    /// <summary>The consent question on Meetup RSVPs and forms is the network's text version 1, in Swedish.</summary>
    public const string ImportedConsentVersion = "rsvp-1";

    public async Task<ImportResult> ImportAsync(ImportRequest request, CancellationToken cancellationToken = default)
    {
        var fileName = Path.GetFileName(request.FileName);
        var refused = new ImportResult { FileName = fileName, Status = ImportStatus.Rejected, DryRun = request.DryRun };

        var ev = await db.Events.SingleOrDefaultAsync(e => e.Slug == request.EventSlug, cancellationToken);
        if (ev is null)
            return refused with
            {
                Refusal = $"Evenemanget ”{request.EventSlug}” finns inte. Skapa det först, till exempel med " +
                          $"`analytics events add {request.EventSlug} --title \"...\" --starts 2026-09-17T17:00`.",
            };

        var content = await SeekableAsync(request.Content, cancellationToken);
        // A spooled copy is ours to delete; the caller's own stream is the caller's to close.
        await using var spool = content == request.Content ? null : content;
        var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken));
        content.Position = 0;

        var earlier = await db.ImportBatches.AsNoTracking()
            .Where(b => b.Sha256 == sha256 && b.EventId == ev.Id && b.Status != ImportStatus.Rejected)
            .OrderBy(b => b.Id).FirstOrDefaultAsync(cancellationToken);
        if (earlier is not null)
            return new ImportResult
            {
                BatchId = earlier.Id, FileName = fileName, Kind = earlier.Kind, Status = earlier.Status, AlreadyImported = true,
                DryRun = request.DryRun, RowsRead = earlier.RowsRead, RowsAccepted = earlier.RowsAccepted, RowsRejected = earlier.RowsRejected,
            };

        ITable table;
        try
        {
            table = IsZip(content) ? new XlsxTable(content) : new DelimitedTable(content);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or FormatException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException)
        {
            return refused with { Refusal = $"Filen ”{fileName}” går inte att läsa som CSV eller Excel: {e.Message}" };
        }

        using (table)
        {
            var kind = DetectKind(table.Header, request.Kind);
            if (kind is null)
                return refused with
                {
                    Refusal = $"Känner inte igen kolumnerna i ”{fileName}” som en Meetup-deltagarlista eller en Forms-export. " +
                              $"Första raden var: {string.Join(", ", table.Header.Take(8))}.",
                };

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var run = new ImportRun(db, keys, clock, ev, await AnswerMapper.LoadAsync(db, cancellationToken), request);
            var batch = await run.StartAsync(kind, fileName, sha256, cancellationToken);
            var rows = kind == "forms" ? FormsResponses.Read(table) : MeetupAttendeeList.Read(table);
            foreach (var row in rows)
                await run.AddAsync(row, cancellationToken);
            var result = await run.FinishAsync(batch, kind == "forms" || MeetupAttendeeList.HasAttendance(table.Header), cancellationToken);

            if (request.DryRun) await transaction.RollbackAsync(cancellationToken);
            else await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return result with { BatchId = request.DryRun ? null : batch.Id };
        }
    }

    private static string? DetectKind(IReadOnlyList<string> header, string? requested)
    {
        var detected = MeetupAttendeeList.Matches(header) ? "meetup" : FormsResponses.Matches(header) ? "forms" : null;
        return requested switch
        {
            "meetup" or "forms" when requested == detected => requested,
            "meetup" or "forms" => null,
            _ => detected,
        };
    }

    private static bool IsZip(Stream stream)
    {
        Span<byte> magic = stackalloc byte[2];
        var read = stream.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        stream.Position = 0;
        return read == 2 && magic[0] == (byte)'P' && magic[1] == (byte)'K';
    }

    /// <summary>Uploads may arrive as forward-only streams; spool those to a temporary file so memory stays flat.</summary>
    private static async Task<Stream> SeekableAsync(Stream stream, CancellationToken cancellationToken)
    {
        if (stream.CanSeek)
        {
            stream.Position = 0;
            return stream;
        }
        var spool = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await stream.CopyToAsync(spool, cancellationToken);
        spool.Position = 0;
        return spool;
    }

    /// <summary>The state of one import while its rows stream through.</summary>
    private sealed class ImportRun(AnalyticsDbContext db, AttendeeKeyHasher keys, TimeProvider clock, Event ev, AnswerMapper mapper, ImportRequest request)
    {
        private readonly List<RowProblem> _errors = [];
        private readonly Dictionary<(string Column, string Value), int> _unmapped = [];
        private readonly List<string> _newOrganisations = [];
        private readonly HashSet<string> _seenSourceKeys = [];
        private readonly HashSet<string> _consentedKeys = [];
        private Dictionary<string, Participation> _existing = [];
        private ImportBatch _batch = null!;
        private int _read, _accepted, _created, _updated, _withProfile;

        public async Task<ImportBatch> StartAsync(string kind, string fileName, string sha256, CancellationToken cancellationToken)
        {
            _batch = new ImportBatch
            {
                Kind = kind, FileName = fileName, Sha256 = sha256, EventId = ev.Id, ImportedBy = request.ImportedBy,
                ImportedAtUtc = clock.GetUtcNow().UtcDateTime,
            };
            db.ImportBatches.Add(_batch);
            await db.SaveChangesAsync(cancellationToken);
            _existing = await db.Participations.Where(p => p.EventId == ev.Id).ToDictionaryAsync(p => p.SourceKey, cancellationToken);
            return _batch;
        }

        public async Task AddAsync(SourceRow row, CancellationToken cancellationToken)
        {
            _read++;
            if (row.Problem is not null)
            {
                _errors.Add(new RowProblem(row.RowNumber, row.ProblemColumn, row.Problem));
                return;
            }

            var attendeeKey = row.MeetupMemberId is { } member ? keys.ForMeetupMember(member)
                : row.Email is { } email ? keys.ForEmail(email) : null;
            var sourceKey = attendeeKey is not null ? $"k:{attendeeKey}"
                : row.ResponseId is { Length: > 0 } id ? $"r:{id}" : $"row:{row.RowNumber}";
            if (!_seenSourceKeys.Add(sourceKey))
            {
                _errors.Add(new RowProblem(row.RowNumber, null, "Samma person förekommer redan tidigare i filen; raden räknas inte två gånger."));
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
                : Answer(row, Question.Role) is { Length: > 0 } role ? mapper.Category(Dimension.Role, role) ?? RoleCodes.Participant
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
            if (!participation.HasProfile)
            {
                // Without consent nothing but the bare participation is kept, even if the answers were filled in.
                participation.SectorCode = participation.ProfessionCode = participation.MunicipalityCode = null;
                participation.OrganisationId = null;
                participation.UnmappedOrganisation = null;
                return;
            }
            _withProfile++;
            participation.SectorCode = Map(row, Question.Sector, Dimension.Sector);
            participation.ProfessionCode = Map(row, Question.Profession, Dimension.Profession);
            participation.MunicipalityCode = Map(row, Question.Municipality, Dimension.Municipality);
            MapOrganisation(row, participation);
            if (attendeeKey is not null && _consentedKeys.Add(attendeeKey))
                db.ConsentRecords.Add(new ConsentRecord
                {
                    AttendeeKey = attendeeKey, TextVersion = ImportedConsentVersion, Language = "sv", Purposes = ConsentPurposes.Statistics,
                    Channel = _batch.Kind, GivenAtUtc = row.RsvpAtUtc ?? clock.GetUtcNow().UtcDateTime,
                });
        }

        private string? Map(SourceRow row, Question question, Dimension dimension)
        {
            var answer = Answer(row, question);
            if (answer.Length == 0) return null;
            var code = mapper.Category(dimension, answer);
            if (code is null && dimension == Dimension.Municipality && Municipalities.IsValidCode(answer)) code = answer;
            if (code is null) Unmapped(question, answer);
            return code;
        }

        private void MapOrganisation(SourceRow row, Participation participation)
        {
            var answer = Answer(row, Question.Organisation);
            participation.OrganisationId = null;
            participation.UnmappedOrganisation = null;
            if (answer.Length == 0) return;
            var organisation = mapper.Organisation(answer);
            if (organisation is null && request.AcceptNewOrganisations)
            {
                organisation = new Organisation
                {
                    Name = answer.Trim(), SectorCode = participation.SectorCode ?? "ovrigt", MunicipalityCode = participation.MunicipalityCode,
                };
                db.Organisations.Add(organisation);
                mapper.Add(organisation);
                _newOrganisations.Add(organisation.Name);
            }
            if (organisation is null)
            {
                participation.UnmappedOrganisation = TextKey.Of(answer);
                Unmapped(Question.Organisation, answer);
                return;
            }
            if (organisation.Id == 0) participation.Organisation = organisation;
            else participation.OrganisationId = organisation.Id;
        }

        private void Unmapped(Question question, string answer)
        {
            var key = (question.ToString().ToLowerInvariant(), answer.Trim());
            _unmapped[key] = _unmapped.GetValueOrDefault(key) + 1;
        }

        private static string Answer(SourceRow row, Question question) => row.Answers.GetValueOrDefault(question, "").Trim();

        public async Task<ImportResult> FinishAsync(ImportBatch batch, bool listHasAttendance, CancellationToken cancellationToken)
        {
            await db.SaveChangesAsync(cancellationToken);
            // A list that marks attendance for a held event tells us that unmarked "yes" registrations did not come.
            if (listHasAttendance && ev.IsHeldBy(clock.GetUtcNow().UtcDateTime)
                && _existing.Values.Any(p => p.ImportBatchId == batch.Id && p.Attendance == Attendance.Attended))
            {
                foreach (var p in _existing.Values.Where(p => p.ImportBatchId == batch.Id && p.Attendance == Attendance.Unknown))
                    p.Attendance = p.Rsvp == Rsvp.Yes ? Attendance.NoShow : Attendance.Unknown;
            }

            batch.RowsRead = _read;
            batch.RowsAccepted = _accepted;
            batch.RowsRejected = _errors.Count;
            batch.Status = _errors.Count == 0 ? ImportStatus.Completed : ImportStatus.CompletedWithErrors;
            batch.Errors = _errors.Select(e => new ImportRowError { RowNumber = e.Row, Column = e.Column, Reason = e.Reason }).ToList();
            batch.UnmappedValues = _unmapped.Select(u => new UnmappedValue { Column = u.Key.Column, RawValue = u.Key.Value, Count = u.Value }).ToList();
            ev.DataVersion++;
            await db.SaveChangesAsync(cancellationToken);

            return new ImportResult
            {
                FileName = batch.FileName, Kind = batch.Kind, Status = batch.Status, DryRun = request.DryRun,
                RowsRead = _read, RowsAccepted = _accepted, RowsRejected = _errors.Count, Created = _created, Updated = _updated,
                WithProfile = _withProfile, Errors = _errors,
                Unmapped = _unmapped.OrderByDescending(u => u.Value).Select(u => new UnmappedCount(u.Key.Column, u.Key.Value, u.Value)).ToList(),
                NewOrganisations = _newOrganisations,
            };
        }
    }
}
