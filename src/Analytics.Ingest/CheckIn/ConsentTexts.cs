using Analytics.Core.Consent;
using Analytics.Data;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Ingest.CheckIn;

/// <summary>The versions of the consent text. Only added, never changed: a consent record names the words agreed to.</summary>
public sealed class ConsentTexts(AnalyticsDbContext db, TimeProvider clock)
{
    /// <summary>The newest version. The first is stored when first needed, so every consent record names a stored text.</summary>
    public async Task<ConsentText> CurrentAsync(CancellationToken cancellationToken = default)
    {
        await EnsureFirstAsync(cancellationToken);
        return await db.ConsentTexts.AsNoTracking().OrderByDescending(t => t.Id).FirstAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ConsentText>> AllAsync(CancellationToken cancellationToken = default)
    {
        await EnsureFirstAsync(cancellationToken);
        return await db.ConsentTexts.AsNoTracking().OrderByDescending(t => t.Id).ToListAsync(cancellationToken);
    }

    private async Task EnsureFirstAsync(CancellationToken cancellationToken)
    {
        if (await db.ConsentTexts.AnyAsync(cancellationToken)) return;
        var first = ConsentText.First;
        db.ConsentTexts.Add(first);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request stored it at the same moment; the unique version refused this copy, and theirs serves.
            db.Entry(first).State = EntityState.Detached;
        }
    }

    /// <summary>Adds a version; returns the Swedish sentence saying what is wrong, or null when it was added.</summary>
    public async Task<string?> AddAsync(string version, string textSv, string textEn, ConsentPurposes purposes, string addedBy,
        CancellationToken cancellationToken = default)
    {
        version = version.Trim();
        textSv = textSv.Trim();
        textEn = textEn.Trim();
        if (version.Length is 0 or > 40) return "Ange en version med högst 40 tecken.";
        if (textSv.Length == 0 || textEn.Length == 0) return "Skriv texten på både svenska och engelska.";
        if (textSv.Length > ConsentText.MaxTextLength || textEn.Length > ConsentText.MaxTextLength)
            return "Texten får vara högst 4000 tecken.";
        if (!purposes.HasFlag(ConsentPurposes.Statistics)) return "Samtycket måste gälla statistik; det är vad formuläret samlar in för.";
        if (await db.ConsentTexts.AnyAsync(t => t.Version == version, cancellationToken)) return "Versionen finns redan; ge den nya texten ett nytt versionsnamn.";
        db.ConsentTexts.Add(new ConsentText
        {
            Version = version, TextSv = textSv, TextEn = textEn, Purposes = purposes, CreatedAtUtc = clock.GetUtcNow().UtcDateTime, CreatedBy = addedBy,
        });
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}
