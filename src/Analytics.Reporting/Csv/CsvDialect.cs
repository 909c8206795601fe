using System.Globalization;

namespace Analytics.Reporting.Csv;

/// <summary>
/// How a CSV file separates and writes numbers, so a spreadsheet program opens it as columns of numbers: Swedish
/// Excel expects semicolons and decimal commas, English Excel commas and decimal points. Both are UTF-8 with a byte
/// order mark (without it Excel reads å, ä and ö as Windows-1252) and CRLF line ends.
/// </summary>
public sealed class CsvDialect
{
    public static readonly CsvDialect Swedish = new(';', ",");
    public static readonly CsvDialect English = new(',', ".");

    private CsvDialect(char separator, string decimalSeparator)
    {
        Separator = separator;
        // Not sv-SE's own format: it writes the minus as U+2212, which no spreadsheet reads as a number.
        Numbers = (NumberFormatInfo)NumberFormatInfo.InvariantInfo.Clone();
        Numbers.NumberDecimalSeparator = decimalSeparator;
    }

    public char Separator { get; }

    public NumberFormatInfo Numbers { get; }

    public static CsvDialect For(Exports.ExportLanguage language) => language.IsEnglish ? English : Swedish;
}
