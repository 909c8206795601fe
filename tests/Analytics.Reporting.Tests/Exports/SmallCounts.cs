using System.Globalization;

namespace Analytics.Testing;

/// <summary>
/// Finds counts from 1 to k−1 in a produced export: every number in every sheet (or CSV line) is scanned, and a whole
/// number in that range is allowed only where it is a share or an index, or where its column header or row label says
/// it counts something other than people (events, organisations, sectors, a data version). This file stands alone so
/// that other test projects can link it.
/// </summary>
public static class SmallCounts
{
    /// <summary>Headers and row labels, in Swedish and English, whose whole numbers count no people.</summary>
    public static readonly HashSet<string> CountNoPeople =
    [
        "Evenemang", "Events", "Evenemang med närvarolista", "Events with an attendance list",
        "Organisationer", "Organisations", "Sektorer", "Sectors", "Kommuner", "Municipalities",
        "Nya organisationer", "New organisations", "Band mellan organisationer", "Ties between organisations",
        "Dataversion", "Data version", "Tröskel k (personer)", "Threshold k (people)",
        "Minsta antal med profil för mångfaldsmått", "Fewest people with a profile for diversity measures",
        // Shares and indices, which CSV writes without a format; 1 is a share of 100 %, 2 an effective number.
        "Andel", "Share", "Mål (andel)", "Target (share)", "Andel evenemang med flera värdar", "Share of events with several hosts",
        "Andel evenemang med minst tre sektorer", "Share of events with at least three sectors",
        "Effektivt antal kategorier", "Effective number of categories", "Effektivt antal sektorer", "Effective number of sectors",
        "Effektivt antal yrken", "Effective number of professions", "Blau-index (Gini–Simpson)", "Blau index (Gini–Simpson)",
        "Jämnhet (Pielou)", "Evenness (Pielou)", "Olikhetsindex D", "Dissimilarity index D", "Kvot mot mål", "Ratio to target",
        "Summa av bandens vikter (Newman)", "Sum of tie weights (Newman)", "E-I-index över sektorsgränser", "E-I index across sector boundaries",
    ];

    /// <summary>Every cell of the workbook that holds a count from 1 to k−1, as "Sheet!B7 = 3 (header / label)".</summary>
    public static IReadOnlyList<string> InWorkbook(XlsxFile file, int k)
    {
        var found = new List<string>();
        foreach (var sheet in file.SheetNames)
        {
            var cells = file.Cells(sheet);
            var tables = file.Tables(sheet).Select(t => Range.Parse(t.Range)).ToList();
            foreach (var cell in cells.Where(c => c.Number is { } n && IsSmallWhole(n, k) && !c.IsShare && !c.IsDecimal))
            {
                var table = tables.FirstOrDefault(t => t.Contains(cell.Row, cell.Column));
                var header = table is null ? null : cells.FirstOrDefault(c => c.Row == table.FirstRow && c.Column == cell.Column)?.Text;
                var label = cells.FirstOrDefault(c => c.Row == cell.Row && c.Column == 1)?.Text;
                if (!CountNoPeople.Contains(header ?? "") && !CountNoPeople.Contains(label ?? ""))
                    found.Add($"{sheet}!{cell.Reference} = {cell.Number} ({header} / {label})");
            }
        }
        return found;
    }

    /// <summary>Every field of a sectioned CSV export that holds a count from 1 to k−1, as "line 12: 3 (header / label)".</summary>
    public static IReadOnlyList<string> InCsv(string csv, char separator, int k)
    {
        var found = new List<string>();
        IReadOnlyList<string>? header = null;
        var lines = csv.TrimStart('\uFEFF').Split("\r\n");
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0) { header = null; continue; }
            var fields = Split(lines[i], separator);
            if (fields.Count == 1) continue;
            if (header is null) { header = fields; continue; }
            for (var f = 0; f < fields.Count; f++)
                if (int.TryParse(fields[f], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && IsSmallWhole(n, k)
                    && !CountNoPeople.Contains(header.ElementAtOrDefault(f) ?? "") && !CountNoPeople.Contains(fields[0]))
                    found.Add($"line {i + 1}: {n} ({header.ElementAtOrDefault(f)} / {fields[0]})");
        }
        return found;
    }

    /// <summary>Splits one CSV line on the separator outside double quotes, undoubling quotes.</summary>
    public static List<string> Split(string line, char separator)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
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
        return fields;
    }

    private static bool IsSmallWhole(double n, int k) => n >= 1 && n < k && Math.Abs(n - Math.Round(n)) < 1e-9;

    private sealed record Range(int FirstRow, int FirstColumn, int LastRow, int LastColumn)
    {
        public bool Contains(int row, int column) => row >= FirstRow && row <= LastRow && column >= FirstColumn && column <= LastColumn;

        public static Range Parse(string reference)
        {
            var parts = reference.Split(':');
            var (r1, c1) = Cell(parts[0]);
            var (r2, c2) = Cell(parts[^1]);
            return new Range(r1, c1, r2, c2);
        }

        private static (int Row, int Column) Cell(string reference)
        {
            var letters = new string([.. reference.TakeWhile(char.IsLetter)]);
            return (int.Parse(reference[letters.Length..], CultureInfo.InvariantCulture), letters.Aggregate(0, (n, ch) => n * 26 + ch - 'A' + 1));
        }
    }
}
