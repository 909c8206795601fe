using Analytics.Ingest.Mapping;

namespace Analytics.Ingest.Uploads;

/// <summary>
/// A file an organiser uploaded for one event, known by its random token: what it is called, how to read it, the mapping
/// given in the preview, and how far it got. Its bytes live beside it in the <see cref="UploadStore"/>.
/// </summary>
public sealed record Upload
{
    public required string Token { get; init; }
    public required string FileName { get; init; }
    public required string EventSlug { get; init; }

    /// <summary>The kind chosen at upload (meetup, meetup-pro, forms, google-forms, csv, xlsx); null to find out from the file.</summary>
    public string? Kind { get; init; }
    public DateTime UploadedAtUtc { get; init; }
    public ImportMapping Mapping { get; init; } = ImportMapping.Empty;

    /// <summary>Set when the organiser confirmed the import; a job then imports it.</summary>
    public DateTime? ConfirmedAtUtc { get; init; }

    /// <summary>The batch the confirmed import wrote (or found already imported).</summary>
    public int? BatchId { get; init; }

    /// <summary>Why the confirmed import was refused, in a sentence.</summary>
    public string? Refusal { get; init; }

    public bool Finished => BatchId is not null || Refusal is not null;
}
