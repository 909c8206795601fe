using Analytics.Ingest;

namespace Analytics.Web.Pages.Import;

/// <summary>The first of a file's rejected rows, with how many there are in all.</summary>
public sealed record RowErrorsView(IReadOnlyList<RowProblem> Shown, int Total, string? CsvUrl = null);
