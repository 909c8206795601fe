using System.Security.Cryptography;
using System.Text;
using System.Xml;
using Analytics.Core.Events;
using Analytics.Core.Imports;
using Analytics.Core.Privacy;
using Analytics.Data;
using Analytics.Ingest.Mapping;
using Analytics.Ingest.Text;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Ingest;

/// <summary>
/// The import transaction, shared by uploads, the command line and seeding. Every row is accounted for: imported, or
/// reported with its row number and reason. A refused file leaves the database as it was. Importing the same file twice
/// changes nothing; an updated list for the same event updates its participations instead of duplicating them.
/// </summary>
public sealed class ImportService(AnalyticsDbContext db, AttendeeKeyHasher keys, TimeProvider clock, CatalogueCache catalogue, ImportLimits? limits = null)
{
    private readonly ImportLimits _limits = limits ?? new ImportLimits();

    public async Task<ImportResult> ImportAsync(ImportRequest request, CancellationToken cancellationToken = default)
    {
        var fileName = Path.GetFileName(request.FileName);
        var refused = new ImportResult { FileName = fileName, Status = ImportStatus.Rejected, DryRun = request.DryRun };

        var ev = await db.Events.SingleOrDefaultAsync(e => e.Slug == request.EventSlug, cancellationToken);
        if (ev is null)
            return refused with
            {
                Refusal = Messages.Say("Evenemanget ”{0}” finns inte. Skapa det först, till exempel med `analytics events add {0} --title \"...\" --starts 2026-09-17T17:00`.", request.EventSlug),
            };

        var (content, refusal) = await FileChecks.OpenAsync(request.Content, fileName, _limits, cancellationToken);
        if (content is null) return refused with { Refusal = refusal };
        // A spooled copy is ours to delete; the caller's own stream is the caller's to close.
        await using var spool = content == request.Content ? null : content;

        var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken));
        content.Position = 0;
        var earlier = await db.ImportBatches.AsNoTracking()
            .Where(b => b.Sha256 == sha256 && b.EventId == ev.Id)
            .OrderBy(b => b.Id).FirstOrDefaultAsync(cancellationToken);
        if (earlier is not null)
            return new ImportResult
            {
                BatchId = earlier.Id, FileName = fileName, Kind = earlier.Kind, Status = earlier.Status, AlreadyImported = true,
                DryRun = request.DryRun, RowsRead = earlier.RowsRead, RowsAccepted = earlier.RowsAccepted, RowsRejected = earlier.RowsRejected,
            };

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            using var table = FileChecks.OpenTable(content);
            if (table.Header.Count == 0 || table.Header.All(string.IsNullOrWhiteSpace))
                return await RefuseAsync(transaction, refused with { Refusal = Messages.Say("”{0}” har ingen rubrikrad.", fileName) }, cancellationToken);
            var format = InputFormats.For(table.Header, request.Kind, request.Mapping);
            if (format is null)
                return await RefuseAsync(transaction, refused with { Refusal = UnknownColumns(fileName, table.Header, request.Kind) }, cancellationToken);

            var mapper = await catalogue.MapperAsync(db, cancellationToken);
            if (UnknownTargets(request.Mapping, mapper) is { Count: > 0 } unknown)
                return await RefuseAsync(transaction, refused with { Refusal = string.Join(" ", unknown) }, cancellationToken);
            var run = new ImportRun(db, keys, clock, ev, mapper, request);
            await run.StartAsync(format.Kind, fileName, sha256, cancellationToken);
            foreach (var row in format.Read(table, request.Mapping))
            {
                if (run.RowsRead >= _limits.MaxRows)
                    return await RefuseAsync(transaction, refused with
                    {
                        Refusal = Messages.Say("”{0}” har fler än {1:N0} rader; dela upp filen eller be en administratör höja gränsen (Import:MaxRows).", fileName, _limits.MaxRows),
                    }, cancellationToken);
                await run.AddAsync(row, cancellationToken);
                if (run.RowsRead % 500 == 0) request.Progress?.Report(run.RowsRead);
            }
            if (run.RowsRead == 0)
                return await RefuseAsync(transaction, refused with { Refusal = Messages.Say("”{0}” har en rubrikrad men inga rader.", fileName) }, cancellationToken);
            request.Progress?.Report(run.RowsRead);

            var result = await run.FinishAsync(format.HasAttendance(table.Header), cancellationToken) with
            {
                Columns = format.RecognisedColumns(table.Header, request.Mapping).ToDictionary(c => c.Key.ToString().ToLowerInvariant(), c => c.Value),
            };
            if (request.DryRun) await transaction.RollbackAsync(cancellationToken);
            else await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return result with { BatchId = request.DryRun ? null : result.BatchId };
        }
        catch (Exception e) when (FileChecks.IsDamaged(e))
        {
            return await RefuseAsync(transaction, refused with
            {
                Refusal = Messages.Say("”{0}” går inte att läsa; filen verkar skadad eller är inte en CSV- eller Excelfil ({1}).", fileName, Describe(e)),
            }, cancellationToken);
        }
    }

    private async Task<ImportResult> RefuseAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, ImportResult refused,
        CancellationToken cancellationToken)
    {
        await transaction.RollbackAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return refused;
    }

    /// <summary>A mapping may only point at categories and organisations that exist.</summary>
    private static List<string> UnknownTargets(ImportMapping mapping, AnswerMapper mapper) =>
        mapping.Values.SelectMany(v => v.Value.Values.Select(target => (Question: v.Key, Target: target)))
            .Where(m => m.Question switch
            {
                Question.Organisation => mapper.Organisation(m.Target) is null,
                Question.Consent => true,
                _ => mapper.Category(ImportRun.DimensionFor(m.Question)!.Value, m.Target) is null,
            })
            .Select(m => Messages.Say("Mappningen pekar på ”{0}” för {1}, men det finns ingen sådan.", m.Target, m.Question.ToString().ToLowerInvariant()))
            .Distinct().ToList();

    private static string UnknownColumns(string fileName, IReadOnlyList<string> header, string? kind)
    {
        var shown = string.Join(", ", header.Take(8).Select(PersonalIdentityNumber.Masked));
        return kind is { Length: > 0 } and not ("csv" or "xlsx")
            ? Messages.Say("”{0}” ser inte ut som en fil av sorten {1}. Första raden var: {2}.", fileName, kind, shown)
            : Messages.Say("Känner inte igen kolumnerna i ”{0}”: ingen kolumn frågar efter sektor, yrke, organisation, kommun, roll eller samtycke. Första raden var: {1}. Ange vilken kolumn som är vad med en mappning.", fileName, shown);
    }

    private static string Describe(Exception e) => e switch
    {
        XmlException or OpenXmlPackageException or FileFormatException => Messages.Say("Excelfilens innehåll är trasigt"),
        DecoderFallbackException => Messages.Say("texten har en okänd teckenkodning"),
        _ => Messages.Say("oväntat innehåll"),
    };
}
