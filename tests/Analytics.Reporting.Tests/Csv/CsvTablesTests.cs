using System.Text;
using Analytics.Reporting.Csv;
using Analytics.Reporting.Exports;
using Analytics.Reporting.Tests.Exports;
using Analytics.Testing;

namespace Analytics.Reporting.Tests.Csv;

public class CsvTablesTests(ExportDatabases databases) : IClassFixture<ExportDatabases>
{
    private static async Task<byte[]> BytesAsync(ExportDocument document, ExportLanguage language)
    {
        using var output = new MemoryStream();
        await ExportFiles.WriteAsync(document, ExportFormat.Csv, language, output);
        return output.ToArray();
    }

    private static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);

    [Theory]
    [InlineData("a;b", ';', "\"a;b\"")]
    [InlineData("a,b", ';', "a,b")]
    [InlineData("a,b", ',', "\"a,b\"")]
    [InlineData("säger \"hej\"", ';', "\"säger \"\"hej\"\"\"")]
    [InlineData("två\nrader", ';', "\"två\nrader\"")]
    [InlineData("=1+1", ';', "'=1+1")]
    public void Quotes_a_text_only_where_it_must_after_neutralising_it(string text, char separator, string cell) =>
        CsvTables.Cell(ExportCell.Of(text), separator == ';' ? CsvDialect.Swedish : CsvDialect.English).ShouldBe(cell);

    [Fact]
    public void Writes_numbers_as_each_languages_spreadsheet_reads_them_and_suppressed_counts_as_text()
    {
        var report = Protected.Report(Protected.Event("x", 9, 9, Protected.Sectors(("kommun", 9))));

        CsvTables.Cell(ExportCell.Share(-0.024), CsvDialect.Swedish).ShouldBe("-0,024", "a hyphen minus, not sv-SE's U+2212");
        CsvTables.Cell(ExportCell.Share(-0.024), CsvDialect.English).ShouldBe("-0.024");
        CsvTables.Cell(ExportCell.Persons(1234, report), CsvDialect.Swedish).ShouldBe("1234");
        CsvTables.Cell(ExportCell.Persons(null, report), CsvDialect.Swedish).ShouldBe("<5");
        CsvTables.Cell(ExportCell.Time(new DateTime(2026, 2, 10, 16, 0, 0, DateTimeKind.Utc)), CsvDialect.Swedish).ShouldBe("2026-02-10 17:00");
    }

    [Theory, DatabaseProviders]
    public async Task An_event_report_is_utf8_with_a_byte_order_mark_semicolons_and_crlf_holding_every_table_of_the_workbook(string provider)
    {
        var database = await databases.ForAsync(provider);
        var document = EventReportSheets.Build(await ExportScenario.EventAsync(database), ExportScenario.MadeAtUtc, ExportLanguage.Swedish);

        var bytes = await BytesAsync(document, ExportLanguage.Swedish);

        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var csv = Text(bytes);
        csv.Replace("\r\n", "").ShouldNotContain('\n');
        var lines = csv.Split("\r\n");
        foreach (var table in document.Tables.Where(t => t.Rows.Any()))
            lines.ShouldContain(string.Join(';', table.Columns.Select(c => c.Header)), table.Name);
        lines.ShouldContain("Kommun;8;0,276");
        lines.ShouldContain("Civilsamhälle;<5;–");
        lines.ShouldContain("Anmälda;34");
    }

    [Theory]
    [DatabaseProviders(false)]
    [DatabaseProviders(true)]
    public async Task Hostile_titles_and_organisation_names_are_neutralised_and_no_field_starts_a_formula(string provider, bool english)
    {
        var database = await databases.ForAsync(provider);
        var language = english ? ExportLanguage.English : ExportLanguage.Swedish;
        var separator = english ? ',' : ';';

        var csv = Text(await BytesAsync(SteeringPackSheets.Build(await ExportScenario.QuarterAsync(database), ExportScenario.MadeAtUtc, language), language));

        var fields = csv.Split("\r\n").SelectMany(line => SmallCounts.Split(line, separator)).ToList();
        foreach (var name in ExportScenario.HostileNames)
            fields.ShouldContain("'" + name, name);
        fields.ShouldContain($"'{ExportScenario.Command}, Göteborgs Stad");
        fields.Where(f => f.Length > 0 && f[0] is '=' or '+' or '@' or '\t' or '\r').ShouldBeEmpty();
        fields.Where(f => f.StartsWith('-') && !double.TryParse(f.Replace(',', '.'), System.Globalization.NumberStyles.Float,
            System.Globalization.CultureInfo.InvariantCulture, out _)).ShouldBeEmpty("a leading minus is only ever a number's");
    }

    [Theory]
    [DatabaseProviders(ExportScenario.Slug, false)]
    [DatabaseProviders(ExportScenario.SmallSlug, false)]
    [DatabaseProviders(ExportScenario.SmallSlug, true)]
    public async Task No_field_of_an_event_report_holds_a_count_of_people_from_one_to_k_minus_one(string provider, string slug, bool english)
    {
        var database = await databases.ForAsync(provider);
        var language = english ? ExportLanguage.English : ExportLanguage.Swedish;

        var csv = Text(await BytesAsync(EventReportSheets.Build(await ExportScenario.EventAsync(database, slug), ExportScenario.MadeAtUtc, language), language));

        SmallCounts.InCsv(csv, english ? ',' : ';', k: 5).ShouldBeEmpty();
        if (slug == ExportScenario.SmallSlug) csv.ShouldContain(english ? "Registered,<5" : "Anmälda;<5");
    }

    [Theory, DatabaseProviders]
    public async Task No_field_of_the_steering_pack_holds_a_count_of_people_from_one_to_k_minus_one(string provider)
    {
        var database = await databases.ForAsync(provider);

        var csv = Text(await BytesAsync(SteeringPackSheets.Build(await ExportScenario.QuarterAsync(database), ExportScenario.MadeAtUtc, ExportLanguage.Swedish),
            ExportLanguage.Swedish));

        SmallCounts.InCsv(csv, ';', k: 5).ShouldBeEmpty();
        csv.Split("\r\n").ShouldContain(line => line.StartsWith("2026-03-05 17:00;'+cmd;") && line.Contains(";<5;<5;<5;"));
    }

    [Fact]
    public async Task One_table_alone_is_a_plain_csv_of_its_header_and_rows()
    {
        var report = Protected.Report(Protected.Event("x", 30, 30, Protected.Sectors(("kommun", 12), ("region", 6), ("stat", 3), ("akademi", 2))));
        using var output = new MemoryStream();

        await CsvTables.WriteTableAsync(output, ReportTables.Breakdown("Sector", report, "sector", ExportLanguage.English), CsvDialect.English);

        Text(output.ToArray()).ShouldBe("Sector,Count,Share\r\nMunicipality,12,0.522\r\nRegion,6,0.261\r\nAcademia,<5,–\r\nCentral government,<5,–\r\n");
    }
}
