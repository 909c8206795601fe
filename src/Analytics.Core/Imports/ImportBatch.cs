namespace Analytics.Core.Imports;

/// <summary>One imported file, with every row accounted for: accepted, or rejected with its row number and reason.</summary>
public sealed class ImportBatch
{
    public int Id { get; set; }
    public required string Kind { get; set; }
    public required string FileName { get; set; }
    public required string Sha256 { get; set; }
    public int? EventId { get; set; }
    public required string ImportedBy { get; set; }
    public DateTime ImportedAtUtc { get; set; }
    public ImportStatus Status { get; set; }
    public int RowsRead { get; set; }
    public int RowsAccepted { get; set; }
    public int RowsRejected { get; set; }
    public List<ImportRowError> Errors { get; set; } = [];
    public List<UnmappedValue> UnmappedValues { get; set; } = [];
}

public enum ImportStatus
{
    Completed,
    CompletedWithErrors,
    Rejected,
}

public sealed class ImportRowError
{
    public long Id { get; set; }
    public int ImportBatchId { get; set; }
    public int RowNumber { get; set; }
    public string? Column { get; set; }
    public required string Reason { get; set; }
}

/// <summary>An answer that matched no taxonomy category or organisation, with how often it occurred in the file.</summary>
public sealed class UnmappedValue
{
    public long Id { get; set; }
    public int ImportBatchId { get; set; }
    public required string Column { get; set; }
    public required string RawValue { get; set; }
    public int Count { get; set; }
}
