using Analytics.Data;

namespace Analytics.Ingest.Mapping;

/// <summary>
/// The catalogue the answer mappers read, kept between imports in this process while the database's
/// <see cref="Revision.Catalogue"/> is the one it was read with: a bulk import of 20,000 lists read and indexed 5,000
/// organisations for every 50-row list, a third of each import's time. One query per import asks whether it still holds.
/// </summary>
public sealed class CatalogueCache
{
    private sealed record Held(string Revision, AnswerMapper.Catalogue Catalogue);

    private volatile Held? _held;

    /// <summary>A mapper of the import's own over the current catalogue: the one held if its revision is current, else read afresh.</summary>
    public async Task<AnswerMapper> MapperAsync(AnalyticsDbContext db, CancellationToken cancellationToken = default)
    {
        // The revision first, the catalogue after: a change saved in between is then read under the older revision,
        // and the next import reads the catalogue again; the other order could keep an older catalogue under a newer one.
        var revision = await Revision.Catalogue.ReadAsync(db, cancellationToken);
        if (revision is not null && _held is { } held && held.Revision == revision) return AnswerMapper.Over(held.Catalogue);
        var catalogue = await AnswerMapper.Catalogue.LoadAsync(db, cancellationToken);
        if (revision is not null) _held = new Held(revision, catalogue);
        return AnswerMapper.Over(catalogue);
    }
}
