using System.Text;

namespace Analytics.Ingest.Tests;

/// <summary>
/// A sample list read straight from its text, independently of the importer, so tests can count what to expect and
/// write changed copies. Enough CSV for the sample files: quotes around fields that hold the separator or a quote.
/// </summary>
internal sealed record SampleCsv(char Separator, IReadOnlyList<string> Header, IReadOnlyList<string[]> Rows)
{
    public static SampleCsv Read(string path)
    {
        var separator = path.EndsWith(".tsv", StringComparison.Ordinal) ? '\t' : ',';
        var lines = File.ReadAllLines(path, Encoding.UTF8).Where(l => l.Trim().Length > 0).ToList();
        return new SampleCsv(separator, Split(lines[0], separator), [.. lines.Skip(1).Select(l => Split(l, separator))]);
    }

    public int Column(string name) =>
        Header.ToList().IndexOf(name) is >= 0 and var i ? i : throw new ArgumentException($"No column {name}.", nameof(name));

    public int ColumnContaining(string word) =>
        Header.ToList().FindIndex(h => h.Contains(word, StringComparison.OrdinalIgnoreCase)) is >= 0 and var i
            ? i
            : throw new ArgumentException($"No column mentions {word}.", nameof(word));

    public IEnumerable<string> Values(string column) => Rows.Select(r => r[Column(column)]);

    public SampleCsv WithCell(int row, string column, string value)
    {
        var rows = Rows.Select(r => r.ToArray()).ToList();
        rows[row][Column(column)] = value;
        return this with { Rows = rows };
    }

    public string Text()
    {
        var text = new StringBuilder();
        foreach (var fields in Rows.Prepend([.. Header]))
            text.Append(string.Join(Separator, fields.Select(Quote))).Append('\n');
        return text.ToString();
    }

    public MemoryStream Stream() => new(Encoding.UTF8.GetBytes(Text()));

    private string Quote(string field) =>
        field.Contains(Separator) || field.Contains('"') ? $"\"{field.Replace("\"", "\"\"")}\"" : field;

    private static string[] Split(string line, char separator)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"' && quoted && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == separator && !quoted) { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return [.. fields];
    }
}
