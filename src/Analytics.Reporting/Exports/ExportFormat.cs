using Analytics.Reporting.Csv;
using Analytics.Reporting.Excel;

namespace Analytics.Reporting.Exports;

/// <summary>The file formats an export is written in, with what a download needs to know about each.</summary>
public enum ExportFormat
{
    Xlsx,
    Csv,
}

public static class ExportFiles
{
    public const string CsvContentType = "text/csv; charset=utf-8";

    public static string ContentType(this ExportFormat format) => format == ExportFormat.Xlsx ? WorkbookWriter.ContentType : CsvContentType;

    public static string Extension(this ExportFormat format) => format == ExportFormat.Xlsx ? "xlsx" : "csv";

    /// <summary>The file name of an event's export: otg-2026-03-23-forsta-motet.xlsx.</summary>
    public static string EventFileName(string slug, ExportFormat format) => $"otg-{slug}.{format.Extension()}";

    /// <summary>The file name of a quarter's steering pack: otg-styrgruppspaket-2026Q1.xlsx (steering-pack in English).</summary>
    public static string QuarterFileName(Core.Events.Quarter quarter, ExportFormat format, ExportLanguage language) =>
        $"otg-{(language.IsEnglish ? "steering-pack" : "styrgruppspaket")}-{quarter}.{format.Extension()}";

    /// <summary>Writes the export: a workbook, or its tables as CSV in the language's dialect.</summary>
    public static async Task WriteAsync(ExportDocument document, ExportFormat format, ExportLanguage language, Stream output,
        CancellationToken cancellationToken = default)
    {
        if (format == ExportFormat.Xlsx)
            await output.WriteAsync(WorkbookWriter.Bytes(document), cancellationToken);
        else
            await CsvTables.WriteAsync(output, document.Tables, CsvDialect.For(language), cancellationToken);
    }
}
