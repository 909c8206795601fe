using Analytics.Core.Events;
using Analytics.Reporting.Excel;
using Analytics.Reporting.Exports;
using Analytics.Reporting.Tests.Exports;
using Analytics.Testing;
using Microsoft.EntityFrameworkCore;
using C = DocumentFormat.OpenXml.Drawing.Charts;

namespace Analytics.Reporting.Tests.Excel;

public class EventWorkbookTests(ExportDatabases databases) : IClassFixture<ExportDatabases>
{
    private static async Task<XlsxFile> WorkbookAsync(TestDatabase database, ExportLanguage language, string slug = ExportScenario.Slug) =>
        XlsxFile.Open(WorkbookWriter.Bytes(EventReportSheets.Build(await ExportScenario.EventAsync(database, slug), ExportScenario.MadeAtUtc, language)));

    [Theory, DatabaseProviders]
    public async Task Has_the_eight_sheets_in_swedish_each_with_excel_tables_a_frozen_header_and_set_column_widths(string provider)
    {
        var database = await databases.ForAsync(provider);

        using var file = await WorkbookAsync(database, ExportLanguage.Swedish);

        file.SheetNames.ShouldBe(["Sammanfattning", "Sektor", "Yrke", "Organisation", "Kommun", "Roller", "Mål", "Metod"]);
        foreach (var sheet in file.SheetNames)
        {
            file.Tables(sheet).ShouldNotBeEmpty(sheet);
            file.FrozenRows(sheet).ShouldNotBeNull(sheet);
            file.ColumnWidths(sheet).ShouldNotBeEmpty(sheet);
        }
        file.Tables("Sektor").Select(t => t.Name).ShouldBe(["Sector", "SectorMeasures"]);
        file.ColumnWidths("Sektor")[1].ShouldBeGreaterThan(30, "labels get a wide column");
    }

    [Theory, DatabaseProviders]
    public async Task Names_its_sheets_and_headers_in_english_when_the_language_is_english(string provider)
    {
        var database = await databases.ForAsync(provider);

        using var file = await WorkbookAsync(database, ExportLanguage.English);

        file.SheetNames.ShouldBe(["Summary", "Sector", "Profession", "Organisation", "Municipality", "Roles", "Targets", "Method"]);
        file.RowLabelled("Sector", "Sector").Select(c => c.Text).ShouldBe(["Sector", "Count", "Share"]);
        file.RowLabelled("Sector", "Municipality")[1].Number.ShouldBe(8, "the sector kommun by its English name");
    }

    [Theory, DatabaseProviders]
    public async Task Sector_sheet_shows_each_counted_category_with_its_share_and_the_suppressed_ones_as_text_below_k(string provider)
    {
        var database = await databases.ForAsync(provider);

        using var file = await WorkbookAsync(database, ExportLanguage.Swedish);

        var kommun = file.RowLabelled("Sektor", "Kommun");
        (kommun[1].Number, kommun[1].Format).ShouldBe((8, "#,##0"));
        (kommun[2].Number, kommun[2].Format).ShouldBe((0.276, "0.0%"));
        foreach (var hidden in new[] { "Civilsamhälle", "Näringsliv" })
            file.RowLabelled("Sektor", hidden).Select(c => c.Text).ShouldBe([hidden, "<5", "–"], hidden);
        file.RowLabelled("Sektor", "Totalt med profil")[1].Number.ShouldBe(29);
        file.Cells("Sektor").ShouldContain(c => c.Text == "2 kategorier med färre än 5 personer visas som <5. Mångfaldsmåtten räknar de dolda kategorierna som en.");
    }

    [Theory, DatabaseProviders]
    public async Task Sector_and_profession_sheets_carry_a_native_bar_chart_of_the_shown_categories_read_from_the_table(string provider)
    {
        var database = await databases.ForAsync(provider);

        using var file = await WorkbookAsync(database, ExportLanguage.Swedish);

        var chart = file.Charts("Sektor").ShouldHaveSingleItem();
        chart.Descendants<C.BarDirection>().Single().Val!.Value.ShouldBe(C.BarDirectionValues.Bar);
        var series = chart.Descendants<C.BarChartSeries>().ShouldHaveSingleItem();
        var values = series.GetFirstChild<C.Values>()!.Descendants<C.Formula>().Single().Text;
        values.ShouldBe("'Sektor'!$B$5:$B$8", "the four shown cells; the suppressed two below them are left out");
        series.GetFirstChild<C.Values>()!.Descendants<C.NumericValue>().Select(v => v.Text).ShouldBe(["8", "6", "5", "5"]);
        series.GetFirstChild<C.CategoryAxisData>()!.Descendants<C.NumericValue>().Select(v => v.Text).ShouldBe(["Kommun", "Region", "Akademi", "Stat"]);
        Enumerable.Range(5, 4).Select(row => file.Cell("Sektor", $"B{row}")!.Number).ShouldBe([8, 6, 5, 5], "the chart's range holds its numbers");
        file.Charts("Yrke").ShouldHaveSingleItem();
        file.Charts("Organisation").ShouldBeEmpty();
        file.Document.WorkbookPart!.WorksheetParts.SelectMany(w => w.DrawingsPart?.WorksheetDrawing.Descendants<DocumentFormat.OpenXml.Drawing.Spreadsheet.NonVisualDrawingProperties>() ?? [])
            .ShouldAllBe(p => p.Description!.Value!.Length > 20, "every chart describes itself for screen readers");
    }

    [Theory, DatabaseProviders]
    public async Task Hostile_titles_and_organisation_names_are_text_cells_and_no_cell_holds_a_formula(string provider)
    {
        var database = await databases.ForAsync(provider);

        using var file = await WorkbookAsync(database, ExportLanguage.Swedish);

        var cells = file.SheetNames.SelectMany(file.Cells).ToList();
        cells.ShouldAllBe(c => c.Formula == null);
        file.RowLabelled("Sammanfattning", "Titel")[1].Text.ShouldBe(ExportScenario.Hyperlink);
        file.Cell("Sammanfattning", "A1")!.Text.ShouldBe(ExportScenario.Hyperlink);
        file.RowLabelled("Sammanfattning", "Värdar")[1].Text.ShouldBe($"{ExportScenario.Command}, Göteborgs Stad");
        foreach (var name in ExportScenario.HostileNames)
            file.Cells("Organisation").ShouldContain(c => c.Text == name && c.Column == 1, name);
        file.RowLabelled("Organisation", ExportScenario.Hyperlink)[1].Number.ShouldBe(6);
    }

    [Theory]
    [DatabaseProviders(ExportScenario.Slug, false)]
    [DatabaseProviders(ExportScenario.Slug, true)]
    [DatabaseProviders(ExportScenario.SmallSlug, false)]
    public async Task No_cell_holds_a_count_of_people_from_one_to_k_minus_one(string provider, string slug, bool english)
    {
        var database = await databases.ForAsync(provider);

        using var file = await WorkbookAsync(database, english ? ExportLanguage.English : ExportLanguage.Swedish, slug);

        SmallCounts.InWorkbook(file, k: 5).ShouldBeEmpty();
    }

    [Theory, DatabaseProviders]
    public async Task A_small_event_shows_every_headcount_as_below_k_and_its_breakdowns_as_withheld(string provider)
    {
        var database = await databases.ForAsync(provider);

        using var file = await WorkbookAsync(database, ExportLanguage.Swedish, ExportScenario.SmallSlug);

        foreach (var headcount in new[] { "Anmälda", "Deltog", "Med delad profil" })
            file.RowLabelled("Sammanfattning", headcount)[1].Text.ShouldBe("<5", headcount);
        file.Cells("Sektor").ShouldContain(c => c.Text == "Fördelningen visas inte: färre än 5 personer har delat sin profil.");
        file.Charts("Sektor").ShouldBeEmpty();
    }

    [Theory, DatabaseProviders]
    public async Task Method_sheet_states_the_data_version_when_and_how_it_was_computed_the_rules_and_each_breakdowns_note(string provider)
    {
        var database = await databases.ForAsync(provider);
        var export = await ExportScenario.EventAsync(database);
        await using (var db = database.Open())
            (await db.ReportSnapshots.SingleAsync(s => s.ScopeKind == "event" && s.ScopeKey == ExportScenario.Slug)).DataVersion
                .ShouldBe(export.Stamp.DataVersion);

        using var file = await WorkbookAsync(database, ExportLanguage.Swedish);

        file.RowLabelled("Metod", "Dataversion")[1].Number.ShouldBe(export.Stamp.DataVersion);
        var computed = file.RowLabelled("Metod", "Beräknad (svensk tid)")[1];
        (DateTime.FromOADate(computed.Number!.Value), computed.Format).ShouldBe((Quarter.ToStockholm(export.Stamp.ComputedAtUtc), "yyyy-mm-dd hh:mm"));
        file.RowLabelled("Metod", "Status")[1].Text.ShouldBe("Aktuell");
        file.RowLabelled("Metod", "Tröskel k (personer)")[1].Number.ShouldBe(5);
        foreach (var rule in new[] { "Vad som räknas", "Tröskel", "Skydd mot att räkna fram dolda celler", "Organisationer", "Mångfaldsmått", "Mål" })
            file.RowLabelled("Metod", rule)[1].Text.ShouldNotBeNullOrWhiteSpace(rule);
        foreach (var (table, dimension) in new[] { ("Sektor", "sector"), ("Yrke", "profession"), ("Organisation", "organisation"), ("Kommun", "municipality") })
            file.RowLabelled("Metod", table)[1].Text.ShouldBe(export.Report.Dimension(dimension)!.Note, table);
    }

    [Theory, DatabaseProviders]
    public async Task Document_properties_name_the_report_its_author_and_its_language(string provider)
    {
        var database = await databases.ForAsync(provider);

        using var file = await WorkbookAsync(database, ExportLanguage.English);

        var properties = file.Document.PackageProperties;
        properties.Title.ShouldBe($"Event report: {ExportScenario.Hyperlink}");
        properties.Creator.ShouldBe("OTG Analytics");
        properties.Description!.ShouldContain("fewer than 5 people show as <5");
    }
}
