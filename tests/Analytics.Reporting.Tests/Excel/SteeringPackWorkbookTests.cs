using Analytics.Core.Localisation;
using Analytics.Reporting.Excel;
using Analytics.Reporting.Exports;
using Analytics.Reporting.Tests.Exports;
using Analytics.Testing;
using C = DocumentFormat.OpenXml.Drawing.Charts;

namespace Analytics.Reporting.Tests.Excel;

public class SteeringPackWorkbookTests(ExportDatabases databases) : IClassFixture<ExportDatabases>
{
    private static async Task<XlsxFile> PackAsync(TestDatabase database, ExportLanguage language) =>
        XlsxFile.Open(WorkbookWriter.Bytes(SteeringPackSheets.Build(await ExportScenario.QuarterAsync(database), ExportScenario.MadeAtUtc, language)));

    [Theory, DatabaseProviders]
    public async Task Has_the_nine_sheets_of_the_steering_pack_in_swedish_and_in_english(string provider)
    {
        var database = await databases.ForAsync(provider);

        using var swedish = await PackAsync(database, ExportLanguage.Swedish);
        using var english = await PackAsync(database, ExportLanguage.English);

        swedish.SheetNames.ShouldBe(["Sammanfattning", "Trender", "Sektor", "Yrke", "Organisation", "Räckvidd", "Balans", "Evenemang", "Metod"]);
        english.SheetNames.ShouldBe(["Summary", "Trends", "Sector", "Profession", "Organisation", "Reach", "Balance", "Events", "Method"]);
        swedish.Cell("Sammanfattning", "A1")!.Text.ShouldBe("Styrgruppspaket: Kvartal 1 2026");
        swedish.RowLabelled("Sammanfattning", "Evenemang")[1].Number.ShouldBe(2);
        swedish.RowLabelled("Sammanfattning", "Anmälda")[1].Number.ShouldBe(37);
        foreach (var sheet in swedish.SheetNames) swedish.FrozenRows(sheet).ShouldNotBeNull(sheet);
    }

    [Theory, DatabaseProviders]
    public async Task Events_sheet_has_one_row_per_event_with_its_own_protected_headcounts_and_its_title_as_text(string provider)
    {
        var database = await databases.ForAsync(provider);

        using var file = await PackAsync(database, ExportLanguage.Swedish);

        file.Tables("Evenemang").ShouldHaveSingleItem().Range.ShouldBe("A4:J6");
        var main = file.Cells("Evenemang").Where(c => c.Row == 5).ToList();
        main[1].Text.ShouldBe(ExportScenario.Hyperlink);
        main[4].Text.ShouldBe($"{ExportScenario.Command}, Göteborgs Stad");
        main.Skip(5).Take(3).Select(c => c.Number).ShouldBe([34, 31, 29]);
        main[^1].Text.ShouldBe(ExportScenario.Slug);
        var small = file.Cells("Evenemang").Where(c => c.Row == 6).ToList();
        small[1].Text.ShouldBe(ExportScenario.Command);
        small.Skip(5).Take(3).Select(c => c.Text).ShouldBe(["<5", "<5", "<5"]);
        file.Cells("Evenemang").ShouldAllBe(c => c.Formula == null);
    }

    [Theory, DatabaseProviders]
    public async Task Trends_sheet_has_a_row_per_quarter_and_a_native_line_chart_of_the_headcounts(string provider)
    {
        var database = await databases.ForAsync(provider);

        using var file = await PackAsync(database, ExportLanguage.Swedish);

        file.RowLabelled("Trender", "Kvartal 4 2025").Skip(1).Take(4).Select(c => c.Number).ShouldBe([1, 7, 7, 7]);
        file.RowLabelled("Trender", "Kvartal 1 2026").Skip(1).Take(4).Select(c => c.Number).ShouldBe([2, 37, 34, 32]);
        var chart = file.Charts("Trender").ShouldHaveSingleItem();
        var series = chart.Descendants<C.LineChartSeries>().ToList();
        series.Select(s => s.GetFirstChild<C.SeriesText>()!.Descendants<C.NumericValue>().Single().Text).ShouldBe(["Anmälda", "Deltog", "Med delad profil"]);
        series[0].GetFirstChild<C.Values>()!.Descendants<C.NumericValue>().Select(v => v.Text).ShouldBe(["7", "37"]);
        series.Select(s => s.Descendants<DocumentFormat.OpenXml.Drawing.PresetDash>().Single().Val!.Value).Distinct().Count()
            .ShouldBe(3, "lines differ by dash as well as colour");
    }

    [Theory, DatabaseProviders]
    public async Task Reach_and_balance_sheets_show_the_quarters_reach_and_the_targets_beside_the_shares(string provider)
    {
        var database = await databases.ForAsync(provider);

        using var file = await PackAsync(database, ExportLanguage.Swedish);

        file.RowLabelled("Räckvidd", "Organisationer")[1].Number.ShouldBe(5);
        file.RowLabelled("Räckvidd", "Andel evenemang med flera värdar")[1].Number.ShouldBe(0.5);
        file.RowLabelled("Räckvidd", "Göteborg")[1].Number.ShouldBe(27);
        var kommun = file.Cells("Balans").Where(c => c.Row == file.Cells("Balans").First(x => x.Text == "Kommun").Row).ToList();
        kommun.Select(c => c.Text ?? c.Number?.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBe(["Sektor", "Kommun", "11", "0.344", "0.204", "0.517", "0.3", "0.044", "1.15"]);
        var summary = file.Cells("Balans").Last(c => c.Column == 1 && c.Text == "Sektor").Row;
        file.Cells("Balans").Where(c => c.Row == summary).Select(c => c.Text).ShouldBe(["Sektor", "–", "Ja"],
            "D is withheld where a category is hidden, and the targets are examples");
    }

    [Theory, DatabaseProviders]
    public async Task Every_workbook_validates_against_the_open_xml_schema_with_no_errors(string provider)
    {
        var database = await databases.ForAsync(provider);
        var quarter = await ExportScenario.QuarterAsync(database);

        foreach (var language in new[] { ExportLanguage.Swedish, ExportLanguage.English })
        {
            using var pack = XlsxFile.Open(WorkbookWriter.Bytes(SteeringPackSheets.Build(quarter, ExportScenario.MadeAtUtc, language)));
            pack.ValidationErrors().Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ShouldBeEmpty();
            foreach (var slug in new[] { ExportScenario.Slug, ExportScenario.SmallSlug, ExportScenario.PreviousSlug })
            {
                using var report = XlsxFile.Open(WorkbookWriter.Bytes(EventReportSheets.Build(await ExportScenario.EventAsync(database, slug), ExportScenario.MadeAtUtc, language)));
                report.ValidationErrors().Select(e => $"{slug} {e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ShouldBeEmpty();
            }
        }
    }

    [Theory]
    [DatabaseProviders(false)]
    [DatabaseProviders(true)]
    public async Task No_cell_holds_a_count_of_people_from_one_to_k_minus_one(string provider, bool english)
    {
        var database = await databases.ForAsync(provider);

        using var file = await PackAsync(database, english ? ExportLanguage.English : ExportLanguage.Swedish);

        SmallCounts.InWorkbook(file, k: 5).ShouldBeEmpty();
        file.RowLabelled(english ? "Sector" : "Sektor", english ? "Civil society" : "Civilsamhälle")[1].Text.ShouldBe("<5");
    }

    [Theory, DatabaseProviders]
    public async Task An_english_pack_says_nothing_in_swedish_but_the_names_in_the_data(string provider)
    {
        var database = await databases.ForAsync(provider);
        // As on the English web and the command line: disclosure notes are written in the reader's language.
        Sentences.UseEnglish();

        using var file = await PackAsync(database, ExportLanguage.English);

        string[] names = ["Göteborgs Stad", "Göteborg", "Borås", "One Team Gov Västsverige"];
        var swedish = file.SheetNames.SelectMany(sheet => file.Cells(sheet).Where(c => c.Text is { } t
                && names.Aggregate(t, (text, name) => text.Replace(name, "")).IndexOfAny(['å', 'ä', 'ö', 'Å', 'Ä', 'Ö']) >= 0)
            .Select(c => $"{sheet}!{c.Reference}: {c.Text}"))
            .ToList();
        swedish.ShouldBeEmpty();
        file.RowLabelled("Organisation", "Other organisations in business")[1].Text.ShouldBe("<5");
    }
}
