using System.Globalization;
using Analytics.Reporting.Exports;

namespace Analytics.Reporting.Excel;

/// <summary>
/// A chart resolved against its sheet: the cell ranges its categories and values come from, the values themselves
/// (cached in the chart, so it draws before any recalculation), and the cells it is anchored over (zero-based).
/// </summary>
internal sealed record ChartPlacement(
    string Sheet,
    ExportChart Chart,
    string CategoryRange,
    IReadOnlyList<string> Categories,
    IReadOnlyList<ChartSeries> Series,
    int FromColumn,
    int FromRow,
    int ToColumn,
    int ToRow)
{
    public static ChartPlacement Of(string sheet, ExportChart chart, IReadOnlyList<TablePlacement> tables)
    {
        var source = tables[chart.Table];
        var firstRow = source.Header + 1;
        var lastRow = source.Header + chart.Rows;
        var rows = source.Rows.Take(chart.Rows).ToList();
        var beside = tables[chart.BesideTable ?? chart.Table];
        var fromColumn = beside.Table.Columns.Count + 1;
        var fromRow = beside.Top - 1;
        var height = chart.Kind == ChartKind.Bar ? Math.Max(16, chart.Rows + 6) : 18;
        return new ChartPlacement(sheet, chart,
            Range(sheet, chart.CategoryColumn, firstRow, lastRow),
            [.. rows.Select(r => r[chart.CategoryColumn].Text ?? "")],
            [
                .. chart.ValueColumns.Select(c => new ChartSeries(
                    Range(sheet, c, source.Header, source.Header), source.Table.Columns[c].Header,
                    Range(sheet, c, firstRow, lastRow), [.. rows.Select(r => r[c].Number)])),
            ],
            fromColumn, fromRow, fromColumn + 9, fromRow + height);
    }

    /// <summary>An absolute reference such as 'Sektor'!$B$5:$B$9, the sheet name quoted as Excel requires.</summary>
    private static string Range(string sheet, int column, int first, int last)
    {
        var letter = ColumnLetter(column);
        var quoted = $"'{sheet.Replace("'", "''")}'";
        return first == last
            ? string.Create(CultureInfo.InvariantCulture, $"{quoted}!${letter}${first}")
            : string.Create(CultureInfo.InvariantCulture, $"{quoted}!${letter}${first}:${letter}${last}");
    }

    private static string ColumnLetter(int zeroBased)
    {
        var letters = "";
        for (var n = zeroBased + 1; n > 0; n = (n - 1) / 26) letters = (char)('A' + (n - 1) % 26) + letters;
        return letters;
    }
}

/// <summary>One series: where its name and values are, and the values themselves (null where the cell holds no number).</summary>
internal sealed record ChartSeries(string NameCell, string Name, string ValueRange, IReadOnlyList<double?> Values);
