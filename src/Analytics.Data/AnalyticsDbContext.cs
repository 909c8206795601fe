using Analytics.Core.Settings;
using Analytics.Core.Audit;
using Analytics.Core.Consent;
using Analytics.Core.Events;
using Analytics.Core.Forecasts;
using Analytics.Core.Imports;
using Analytics.Core.Organisations;
using Analytics.Core.Participations;
using Analytics.Core.Reports;
using Analytics.Core.Targets;
using Analytics.Core.Taxonomies;
using Analytics.Data.Accounts;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Analytics.Data;

/// <summary>
/// The one model, shared by every provider. Each provider has its own derived context type only so that it can keep
/// its own migrations (see Providers/). The staff accounts (Identity) and the data protection keys live here too, so
/// every web node on one database shares the accounts and accepts the others' cookies and forms.
/// </summary>
public abstract class AnalyticsDbContext(DbContextOptions options)
    : IdentityDbContext<AnalyticsUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Event> Events => Set<Event>();
    public DbSet<EventHost> EventHosts => Set<EventHost>();
    public DbSet<Participation> Participations => Set<Participation>();
    public DbSet<ConsentRecord> ConsentRecords => Set<ConsentRecord>();
    public DbSet<ConsentText> ConsentTexts => Set<ConsentText>();
    public DbSet<ImportBatch> ImportBatches => Set<ImportBatch>();
    public DbSet<ImportRowError> ImportRowErrors => Set<ImportRowError>();
    public DbSet<UnmappedValue> UnmappedValues => Set<UnmappedValue>();
    public DbSet<TargetMix> TargetMixes => Set<TargetMix>();
    public DbSet<TaxonomyCategory> TaxonomyCategories => Set<TaxonomyCategory>();
    public DbSet<ReportSnapshot> ReportSnapshots => Set<ReportSnapshot>();
    public DbSet<SteeringPack> SteeringPacks => Set<SteeringPack>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<SystemSetting> SystemSettings => Set<SystemSetting>();
    public DbSet<ForecastModel> ForecastModels => Set<ForecastModel>();
    public DbSet<ForecastSnapshot> ForecastSnapshots => Set<ForecastSnapshot>();
    public DbSet<OrganiserOrganisation> OrganiserOrganisations => Set<OrganiserOrganisation>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        using var detected = DetectOnce();
        var revisions = Revision.Changed(ChangeTracker);
        if (revisions.Count == 0) return base.SaveChanges(acceptAllChangesOnSuccess);
        if (Database.CurrentTransaction is not null) return SaveAndRenew();
        using var transaction = Database.BeginTransaction();
        var saved = SaveAndRenew();
        transaction.Commit();
        return saved;

        int SaveAndRenew()
        {
            var saved = base.SaveChanges(acceptAllChangesOnSuccess);
            Revision.Renew(this, revisions);
            return saved;
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        using var detected = DetectOnce();
        var revisions = Revision.Changed(ChangeTracker);
        if (revisions.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        // The revisions are renewed in the changes' own transaction: committed with them or not at all, so no reader can
        // hold the changed rows under the old revision, or the old rows under the new one.
        if (Database.CurrentTransaction is not null) return await SaveAndRenewAsync();
        await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
        var saved = await SaveAndRenewAsync();
        await transaction.CommitAsync(cancellationToken);
        return saved;

        async Task<int> SaveAndRenewAsync()
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await Revision.RenewAsync(this, revisions, cancellationToken);
            return saved;
        }
    }

    /// <summary>
    /// Detects the pending changes once, for the revisions' check, and lets the save that follows skip detecting them
    /// again (an import saves every 1,000 rows with all of them tracked); automatic detection is back when disposed.
    /// </summary>
    private DetectedChanges DetectOnce()
    {
        ChangeTracker.DetectChanges();
        var detected = new DetectedChanges(ChangeTracker, ChangeTracker.AutoDetectChangesEnabled);
        ChangeTracker.AutoDetectChangesEnabled = false;
        return detected;
    }

    private readonly record struct DetectedChanges(Microsoft.EntityFrameworkCore.ChangeTracking.ChangeTracker Tracker, bool Detecting) : IDisposable
    {
        public void Dispose() => Tracker.AutoDetectChangesEnabled = Detecting;
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // Every instant is stored in UTC; SQLite forgets the kind on the way back, so it is restored here.
        builder.Properties<DateTime>().HaveConversion<UtcConverter>();
        builder.Properties<DateTime?>().HaveConversion<UtcConverter>();
        builder.Properties<string>().HaveMaxLength(200);
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);

        model.Entity<OrganiserOrganisation>(e =>
        {
            e.HasKey(o => new { o.UserId, o.OrganisationId });
            e.HasOne<AnalyticsUser>().WithMany().HasForeignKey(o => o.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Organisation>().WithMany().HasForeignKey(o => o.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        });

        // A key ring entry is an XML document of about a kilobyte; no provider may cut it.
        model.Entity<DataProtectionKey>(e => e.Property(k => k.Xml).Metadata.SetMaxLength(null));

        model.Entity<Organisation>(e =>
        {
            e.HasIndex(o => o.Name).IsUnique();
            e.HasIndex(o => o.Organisationsnummer).IsUnique();
            e.Property(o => o.Organisationsnummer).HasMaxLength(10);
            e.Property(o => o.SectorCode).HasMaxLength(40);
            e.Property(o => o.MunicipalityCode).HasMaxLength(10);
            e.Property(o => o.Aliases).HasMaxLength(1000);
        });

        model.Entity<Event>(e =>
        {
            e.HasIndex(x => x.Slug).IsUnique();
            e.HasIndex(x => x.StartsAtUtc);
            e.Property(x => x.Slug).HasMaxLength(120);
            e.Property(x => x.FormatCode).HasMaxLength(40);
            e.Property(x => x.MunicipalityCode).HasMaxLength(10);
            e.Property(x => x.MeetupEventId).HasMaxLength(40);
            e.Ignore(x => x.Quarter);
            e.HasMany(x => x.Hosts).WithOne().HasForeignKey(h => h.EventId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Participations).WithOne().HasForeignKey(p => p.EventId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<EventHost>(e =>
        {
            e.HasKey(h => new { h.EventId, h.OrganisationId });
            e.HasOne(h => h.Organisation).WithMany().HasForeignKey(h => h.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        });

        model.Entity<Participation>(e =>
        {
            e.HasIndex(p => new { p.EventId, p.SourceKey }).IsUnique();
            e.HasIndex(p => p.AttendeeKey);
            e.Property(p => p.AttendeeKey).HasMaxLength(32);
            e.Property(p => p.RoleCode).HasMaxLength(20);
            e.Property(p => p.Rsvp).HasConversion<string>().HasMaxLength(10);
            e.Property(p => p.Attendance).HasConversion<string>().HasMaxLength(10);
            e.Property(p => p.SectorCode).HasMaxLength(40);
            e.Property(p => p.ProfessionCode).HasMaxLength(40);
            e.Property(p => p.MunicipalityCode).HasMaxLength(10);
            e.Property(p => p.Channel).HasMaxLength(20);
            e.Property(p => p.SourceKey).HasMaxLength(100);
            e.HasOne(p => p.Organisation).WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne<ImportBatch>().WithMany().HasForeignKey(p => p.ImportBatchId).OnDelete(DeleteBehavior.SetNull);
        });

        model.Entity<ConsentRecord>(e =>
        {
            e.HasIndex(c => c.AttendeeKey);
            e.Property(c => c.AttendeeKey).HasMaxLength(32);
            e.Property(c => c.TextVersion).HasMaxLength(40);
            e.Property(c => c.Language).HasMaxLength(5);
            e.Property(c => c.Channel).HasMaxLength(20);
            e.Property(c => c.WithdrawalCodeHash).HasMaxLength(64);
            e.HasIndex(c => c.WithdrawalCodeHash);
            e.HasIndex(c => c.EventId);
            // Retention removes an event's consent records with its participations; deleting the event does the same.
            e.HasOne<Event>().WithMany().HasForeignKey(c => c.EventId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<ConsentText>(e =>
        {
            e.HasIndex(t => t.Version).IsUnique();
            e.Property(t => t.Version).HasMaxLength(40);
            e.Property(t => t.TextSv).HasMaxLength(ConsentText.MaxTextLength);
            e.Property(t => t.TextEn).HasMaxLength(ConsentText.MaxTextLength);
            e.Property(t => t.CreatedBy).HasMaxLength(64);
        });

        model.Entity<ImportBatch>(e =>
        {
            e.HasIndex(b => b.Sha256);
            e.Property(b => b.Kind).HasMaxLength(20);
            e.Property(b => b.Sha256).HasMaxLength(64);
            e.Property(b => b.Status).HasConversion<string>().HasMaxLength(24);
            e.HasOne<Event>().WithMany().HasForeignKey(b => b.EventId).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(b => b.Errors).WithOne().HasForeignKey(x => x.ImportBatchId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(b => b.UnmappedValues).WithOne().HasForeignKey(x => x.ImportBatchId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<ImportRowError>(e => e.Property(x => x.Reason).HasMaxLength(500));

        model.Entity<TaxonomyCategory>(e =>
        {
            e.HasIndex(c => new { c.Dimension, c.Code }).IsUnique();
            e.Property(c => c.Dimension).HasMaxLength(20);
            e.Property(c => c.Code).HasMaxLength(40);
            e.Property(c => c.Synonyms).HasMaxLength(2000);
        });

        model.Entity<TargetMix>(e =>
        {
            e.HasIndex(t => new { t.Dimension, t.Code }).IsUnique();
            e.Property(t => t.Dimension).HasMaxLength(20);
            e.Property(t => t.Code).HasMaxLength(40);
        });

        model.Entity<ReportSnapshot>(e =>
        {
            e.HasIndex(s => new { s.ScopeKind, s.ScopeKey }).IsUnique();
            e.Property(s => s.ScopeKind).HasMaxLength(20);
            e.Property(s => s.ScopeKey).HasMaxLength(120);
            // A payload is a few kilobytes of JSON; no provider should cut it at the default string length.
            e.Property(s => s.Payload).Metadata.SetMaxLength(null);
            e.Property(s => s.TieGraph).Metadata.SetMaxLength(null);
        });

        model.Entity<SteeringPack>(e =>
        {
            e.HasIndex(p => p.QuarterKey).IsUnique();
            e.Property(p => p.QuarterKey).HasMaxLength(10);
        });

        model.Entity<ForecastModel>(e =>
        {
            e.HasIndex(m => m.Version).IsUnique();
            // A saved model is tens of kilobytes and its evaluation a few; no provider may cut either.
            e.Property(m => m.ModelBytes).Metadata.SetMaxLength(null);
            e.Property(m => m.EvaluationJson).Metadata.SetMaxLength(null);
        });

        model.Entity<ForecastSnapshot>(e =>
        {
            // One forecast per event: the latest made before it started.
            e.HasIndex(f => f.EventId).IsUnique();
            e.Property(f => f.Payload).Metadata.SetMaxLength(null);
            e.HasOne<Event>().WithMany().HasForeignKey(f => f.EventId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<SystemSetting>(e =>
        {
            e.HasKey(x => x.Key);
            e.Property(x => x.Key).HasMaxLength(80);
            e.Property(x => x.Value).HasMaxLength(200);
        });

        model.Entity<AuditEntry>(e =>
        {
            e.HasIndex(a => a.AtUtc);
            e.Property(a => a.Actor).HasMaxLength(64);
            e.Property(a => a.Action).HasMaxLength(40);
            e.Property(a => a.Subject).HasMaxLength(200);
            e.Property(a => a.Detail).HasMaxLength(500);
        });
    }

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
