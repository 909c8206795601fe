using Analytics.Core.Imports;
using Analytics.Ingest.Mapping;

namespace Analytics.Ingest;

/// <summary>
/// A file to import into one event. Kind is meetup, forms, csv or xlsx (or an exact format such as meetup-pro); null
/// means "find out from the file".
/// </summary>
public sealed record ImportRequest(Stream Content, string FileName, string EventSlug, string ImportedBy)
{
    public string? Kind { get; init; }

    /// <summary>Create organisations that match none known, in the sector their rows give (or their number's first digit).</summary>
    public bool AcceptNewOrganisations { get; init; }
    public bool DryRun { get; init; }
    public ImportMapping Mapping { get; init; } = ImportMapping.Empty;

    /// <summary>Told the number of rows read so far, now and then, for a progress bar.</summary>
    public IProgress<int>? Progress { get; init; }
}

/// <summary>What an import did, every row accounted for. Refusal is set when the file as a whole was refused.</summary>
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

    /// <summary>Rows without a person identifier from an earlier import of this source, replaced as a set.</summary>
    public int Replaced { get; init; }
    public int WithProfile { get; init; }

    /// <summary>Which column was read as which question (question code → header text).</summary>
    public IReadOnlyDictionary<string, string> Columns { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<RowProblem> Errors { get; init; } = [];
    public IReadOnlyList<UnmappedCount> Unmapped { get; init; } = [];

    /// <summary>Organisation answers that match no known organisation, with the sector they would be created in.</summary>
    public IReadOnlyList<ProposedOrganisation> ProposedOrganisations { get; init; } = [];
    public IReadOnlyList<string> NewOrganisations { get; init; } = [];

    /// <summary>Why the whole file was refused, in a sentence; null when it was read.</summary>
    public string? Refusal { get; init; }
}

public sealed record RowProblem(int Row, string? Column, string Reason);

public sealed record UnmappedCount(string Column, string Value, int Count);

/// <summary>An unknown organisation; Sector is null when neither its rows nor its number say which sector it is in.</summary>
public sealed record ProposedOrganisation(string Name, int Count, string? Sector);
