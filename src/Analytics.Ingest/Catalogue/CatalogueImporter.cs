using System.Globalization;
using Analytics.Core.Organisations;
using Analytics.Core.Targets;
using Analytics.Core.Taxonomies;
using Analytics.Data;
using Analytics.Ingest.Text;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Ingest.Catalogue;

/// <summary>
/// Reads the organisation catalogue, the event catalogue and a target mix from CSV files. Each row is saved, or
/// reported with its row number and reason.
/// </summary>
public sealed class CatalogueImporter(AnalyticsDbContext db)
{
    public async Task<CatalogueResult> ImportOrganisationsAsync(Stream csv, CancellationToken cancellationToken = default)
    {
        using var table = new DelimitedTable(csv);
        var columns = Columns(table, "organisationsnummer", "name", "sector", "municipality", "host");
        var existing = await db.Organisations.ToDictionaryAsync(o => o.Name, cancellationToken);
        var result = new CatalogueResult();
        foreach (var row in table.Rows())
        {
            result.Read++;
            var name = row.Cell(columns["name"]);
            var sector = row.Cell(columns["sector"]);
            var municipality = row.Cell(columns["municipality"]);
            var number = row.Cell(columns["organisationsnummer"]);
            string? digits = null;
            if (name.Length == 0) { result.Problem(row.RowNumber, "name", "Organisationen saknar namn."); continue; }
            if (Taxonomy.Find(Taxonomy.Sectors, sector) is null)
            {
                result.Problem(row.RowNumber, "sector", Messages.Say("Okänd sektor ”{0}”; välj något av {1}.", sector, string.Join(", ", Taxonomy.Sectors.Select(s => s.Code))));
                continue;
            }
            if (municipality.Length > 0 && !Municipalities.IsValidCode(municipality))
            {
                result.Problem(row.RowNumber, "municipality", Messages.Say("”{0}” är ingen kommunkod.", municipality));
                continue;
            }
            if (number.Length > 0)
            {
                if (!Organisationsnummer.TryParse(number, out var parsed, out var error))
                {
                    result.Problem(row.RowNumber, "organisationsnummer", error);
                    continue;
                }
                digits = parsed.Digits;
            }
            if (!existing.TryGetValue(name, out var organisation))
            {
                organisation = new Organisation { Name = name, SectorCode = sector };
                db.Organisations.Add(organisation);
                existing[name] = organisation;
            }
            organisation.SectorCode = sector;
            organisation.MunicipalityCode = municipality.Length > 0 ? municipality : null;
            organisation.Organisationsnummer = digits;
            organisation.IsHost = organisation.IsHost || row.Cell(columns["host"]).Equals("true", StringComparison.OrdinalIgnoreCase);
            result.Accepted++;
        }
        await db.SaveChangesAsync(cancellationToken);
        // Saved: let them go, or every later save in this context (an event catalogue of thousands) looks through them all.
        foreach (var organisation in existing.Values) db.Entry(organisation).State = EntityState.Detached;
        return result;
    }

    public async Task<CatalogueResult> ImportEventsAsync(Stream csv, CancellationToken cancellationToken = default)
    {
        using var table = new DelimitedTable(csv);
        var columns = Columns(table, "slug", "title", "starts", "ends", "format", "municipality", "online", "capacity", "meetup_event_id", "hosts");
        var events = new EventCatalogue(db);
        var result = new CatalogueResult();
        foreach (var row in table.Rows())
        {
            result.Read++;
            if (!TryLocalTime(row.Cell(columns["starts"]), out var starts))
            {
                result.Problem(row.RowNumber, "starts", Messages.Say("Starttiden ”{0}” ska skrivas som 2026-09-17T17:00.", row.Cell(columns["starts"])));
                continue;
            }
            DateTime? ends = TryLocalTime(row.Cell(columns["ends"]), out var end) ? end : null;
            var capacityText = row.Cell(columns["capacity"]);
            var draft = new EventDraft(row.Cell(columns["slug"]), row.Cell(columns["title"]), starts)
            {
                EndsLocal = ends,
                Format = row.Cell(columns["format"]),
                Municipality = row.Cell(columns["municipality"]),
                Online = row.Cell(columns["online"]).Equals("true", StringComparison.OrdinalIgnoreCase),
                Capacity = int.TryParse(capacityText, out var capacity) ? capacity : null,
                MeetupEventId = row.Cell(columns["meetup_event_id"]),
                Hosts = row.Cell(columns["hosts"]).Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            };
            var problems = await events.SaveAsync(draft, cancellationToken);
            if (problems.Count > 0) result.Problem(row.RowNumber, null, string.Join(" ", problems));
            else result.Accepted++;
        }
        return result;
    }

    public async Task<CatalogueResult> ImportTargetsAsync(Stream csv, CancellationToken cancellationToken = default)
    {
        using var table = new DelimitedTable(csv);
        var columns = Columns(table, "dimension", "code", "share", "note");
        var existing = await db.TargetMixes.ToDictionaryAsync(t => (t.Dimension, t.Code), cancellationToken);
        var result = new CatalogueResult();
        foreach (var row in table.Rows())
        {
            result.Read++;
            var dimension = row.Cell(columns["dimension"]).ToLowerInvariant();
            var code = row.Cell(columns["code"]);
            if (!DimensionNames.TryParse(dimension, out var parsed) || Taxonomy.Find(Taxonomy.For(parsed), code) is null)
            {
                result.Problem(row.RowNumber, "code", Messages.Say("”{0}/{1}” är ingen känd kategori.", dimension, code));
                continue;
            }
            if (!double.TryParse(row.Cell(columns["share"]).Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var share)
                || share is < 0 or > 1)
            {
                result.Problem(row.RowNumber, "share", Messages.Say("Andelen ”{0}” ska vara ett tal mellan 0 och 1.", row.Cell(columns["share"])));
                continue;
            }
            if (!existing.TryGetValue((dimension, code), out var target))
            {
                target = new TargetMix { Dimension = dimension, Code = code };
                db.TargetMixes.Add(target);
                existing[(dimension, code)] = target;
            }
            target.Share = share;
            target.IsExample = row.Cell(columns["note"]).Contains("exempel", StringComparison.OrdinalIgnoreCase);
            result.Accepted++;
        }
        await db.SaveChangesAsync(cancellationToken);
        return result;
    }

    private static bool TryLocalTime(string text, out DateTime local) =>
        DateTime.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture,
            DateTimeStyles.None, out local);

    private static Dictionary<string, int?> Columns(ITable table, params string[] names) =>
        names.ToDictionary(n => n, n => table.Header.Column(n));
}

public sealed class CatalogueResult
{
    public int Read { get; set; }
    public int Accepted { get; set; }

    public List<RowProblem> Errors { get; } = [];

    public void Problem(int row, string? column, string reason) => Errors.Add(new RowProblem(row, column, reason));
}
