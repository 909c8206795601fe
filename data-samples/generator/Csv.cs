namespace Analytics.SampleData;

using System.Globalization;
using System.Text;

/// <summary>Delimited text as Meetup and spreadsheet programs write it: quotes only where a field needs them, LF line ends.</summary>
static class Csv
{
    static readonly UTF8Encoding Utf8WithoutBom = new(encoderShouldEmitUTF8Identifier: false);

    public static string Line(IEnumerable<string> fields, char separator) =>
        string.Join(separator, fields.Select(f => Field(f, separator)));

    static string Field(string value, char separator) =>
        value.Contains(separator) || value.Contains('"') || value.Contains('\n') || value.Contains('\r')
            ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
            : value;

    public static void Write(string path, IEnumerable<IEnumerable<string>> rows, char separator = ',')
    {
        var text = new StringBuilder();
        foreach (var row in rows)
            text.Append(Line(row, separator)).Append('\n');
        File.WriteAllText(path, text.ToString(), Utf8WithoutBom);
    }

    public static string Invariant(IFormattable value, string? format = null) => value.ToString(format, CultureInfo.InvariantCulture);
}
