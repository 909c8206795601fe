namespace Analytics.Reporting.Csv;

/// <summary>
/// Text for a spreadsheet cell that a spreadsheet program will not run. Excel, LibreOffice and Google Sheets treat a
/// CSV cell starting with = + - @ as a formula (and a leading tab or carriage return can hide one), so an organisation
/// called "=HYPERLINK(...)" would become a link, or worse. A leading apostrophe makes the program show it as text.
/// Workbooks need no such prefix: there every text is written as a text cell.
/// </summary>
public static class CellText
{
    public static string Neutralise(string? text)
    {
        var value = text ?? "";
        return value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
    }
}
