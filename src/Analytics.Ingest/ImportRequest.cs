using Analytics.Core.Imports;

namespace Analytics.Ingest;

/// <summary>A file to import into one event. Kind is meetup, forms, csv or xlsx; null means "find out from the file".</summary>
public sealed record ImportRequest(Stream Content, string FileName, string EventSlug, string ImportedBy)
{
    public string? Kind { get; init; }
    public bool AcceptNewOrganisations { get; init; }
    public bool DryRun { get; init; }
}

/// <summary>What an import did, row by row accounted for. Rejected is true when the file as a whole was refused.</summary>
public sealed record ImportResult
{
    public int? BatchId { get; init; }
    public required string FileName { get; init; }
    public string? Kind { get; init; }
    public ImportStatus Status { get; init; }
    public bool AlreadyImported { get; init; }
    public bool DryRun { get; init; }
    public int RowsRead { get; init; }
    public int RowsAccepted { get; init; }
    public int RowsRejected { get; init; }
    public int Created { get; init; }
    public int Updated { get; init; }
    public int WithProfile { get; init; }
    public IReadOnlyList<RowProblem> Errors { get; init; } = [];
    public IReadOnlyList<UnmappedCount> Unmapped { get; init; } = [];
    public IReadOnlyList<string> NewOrganisations { get; init; } = [];

    /// <summary>Why the whole file was refused, in a sentence; null when it was read.</summary>
    public string? Refusal { get; init; }
}

public sealed record RowProblem(int Row, string? Column, string Reason);

public sealed record UnmappedCount(string Column, string Value, int Count);
