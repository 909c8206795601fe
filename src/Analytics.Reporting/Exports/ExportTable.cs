namespace Analytics.Reporting.Exports;

/// <summary>
/// One table of an export, written the same way to a workbook (an Excel table on its sheet) and to CSV. Built only from
/// protected reports, so every count in it has passed disclosure control.
/// </summary>
/// <param name="Name">The Excel table name: ASCII, unique within a workbook, the same in every language.</param>
/// <param name="Caption">The heading above the table, in the export's language; null where the sheet title says it.</param>
/// <param name="Rows">Read once by the writer, so a long table can be produced as it is written.</param>
/// <param name="Notes">Sentences written below the table: what was withheld and why.</param>
public sealed record ExportTable(string Name, string? Caption, IReadOnlyList<ExportColumn> Columns,
    IEnumerable<IReadOnlyList<ExportCell>> Rows, IReadOnlyList<string> Notes)
{
    public ExportTable(string name, string? caption, IReadOnlyList<ExportColumn> columns, IEnumerable<IReadOnlyList<ExportCell>> rows)
        : this(name, caption, columns, rows, []) { }
}

/// <summary>A column's header, and its width in Excel's character units (set explicitly: auto-fit needs libgdiplus).</summary>
public sealed record ExportColumn(string Header, double Width, bool Wrap = false);

/// <summary>How a value is shown.</summary>
public enum CellFormat
{
    Text,

    /// <summary>A count of people: a number, or "&lt;k" where disclosure control suppressed it.</summary>
    Persons,

    /// <summary>A whole number that counts no people: events, organisations, sectors, a data version.</summary>
    Whole,

    /// <summary>A share from 0 to 1, shown as a percentage.</summary>
    Share,

    /// <summary>An index or a weight.</summary>
    Decimal,

    /// <summary>A wall-clock time in Stockholm.</summary>
    DateTime,
}

/// <summary>
/// One value: a number, or a text. A suppressed count is the text "&lt;k" with the Persons format, so it lines up with
/// the numbers; anything that came from people or files (titles, organisation names) is text and stays text.
/// </summary>
public sealed record ExportCell(CellFormat Format, string? Text, double? Number)
{
    public static readonly ExportCell Empty = new(CellFormat.Text, null, null);

    /// <summary>Shown where a value does not apply or was not computed.</summary>
    public static readonly ExportCell Dash = new(CellFormat.Text, "–", null);

    public static ExportCell Of(string? text) => new(CellFormat.Text, text, null);

    /// <summary>A protected count of people: null means suppressed and is shown as the report shows it ("&lt;k").</summary>
    public static ExportCell Persons(int? count, Core.Disclosure.ProtectedReport report) =>
        count is { } c ? new(CellFormat.Persons, null, c) : new(CellFormat.Persons, report.Show(null), null);

    public static ExportCell Whole(long? value) => value is { } v ? new(CellFormat.Whole, null, v) : Dash;

    public static ExportCell Share(double? value) => value is { } v ? new(CellFormat.Share, null, v) : Dash;

    public static ExportCell Decimal(double? value) => value is { } v ? new(CellFormat.Decimal, null, v) : Dash;

    /// <summary>A UTC instant, shown as Stockholm wall-clock time.</summary>
    public static ExportCell Time(DateTime utc) => new(CellFormat.DateTime, null, Core.Events.Quarter.ToStockholm(utc).ToOADate());

    /// <summary>A Stockholm wall-clock time back from its Excel serial number.</summary>
    public DateTime AsDateTime() => System.DateTime.FromOADate(Number ?? 0);
}
