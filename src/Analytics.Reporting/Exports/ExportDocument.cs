namespace Analytics.Reporting.Exports;

/// <summary>A whole export: its sheets in order, and what the file says about itself (document properties).</summary>
public sealed record ExportDocument(ExportProperties Properties, IReadOnlyList<ExportSheet> Sheets)
{
    /// <summary>Every table of every sheet, in order: what a CSV export holds.</summary>
    public IEnumerable<ExportTable> Tables => Sheets.SelectMany(s => s.Tables);
}

/// <summary>
/// The file's own description, shown by Excel under File › Info. Language is the export's, as a culture name.
/// </summary>
public sealed record ExportProperties(string Title, string Subject, string Keywords, string Comments, DateTime CreatedUtc, string Language);

/// <summary>One sheet: a title and subtitle above its tables, and the charts drawn from them.</summary>
public sealed record ExportSheet(string Name, string Title, string? Subtitle, IReadOnlyList<ExportTable> Tables,
    IReadOnlyList<ExportChart> Charts)
{
    public ExportSheet(string name, string title, string? subtitle, params ExportTable[] tables) : this(name, title, subtitle, tables, []) { }
}

public enum ChartKind
{
    /// <summary>Horizontal bars, one per category: a breakdown.</summary>
    Bar,

    /// <summary>Lines over the rows in order: a trend.</summary>
    Line,
}

/// <summary>
/// A native chart of one of the sheet's tables: the category column and the value columns over the first
/// <paramref name="Rows"/> rows. Those rows hold numbers only; a breakdown's suppressed cells come last and are left out.
/// </summary>
/// <param name="AltText">What the chart shows, in words, for screen readers; the numbers are in the table beside it.</param>
/// <param name="BesideTable">The table the chart is drawn to the right of, level with its top; by default its own.</param>
public sealed record ExportChart(ChartKind Kind, string Title, string AltText, int Table, int CategoryColumn,
    IReadOnlyList<int> ValueColumns, int Rows, int? BesideTable = null);
