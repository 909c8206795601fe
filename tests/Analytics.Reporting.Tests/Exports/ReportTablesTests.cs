using Analytics.Core.Events;
using Analytics.Reporting.Exports;
using Analytics.Reporting.Snapshots;

namespace Analytics.Reporting.Tests.Exports;

public class ReportTablesTests
{
    private static QuarterReport Quarter(int number, params (string Code, int Persons)[] sectors) =>
        new(new Quarter(2026, number), Protected.Report(Protected.Event("x", 40, 40, Protected.Sectors(sectors)) with
        {
            Scope = Core.Reports.ReportScope.ForQuarter(new Quarter(2026, number)),
        }));

    [Fact]
    public void A_dimension_over_quarters_lists_each_quarters_protected_cells_in_long_form_and_says_which_quarters_are_withheld()
    {
        var quarters = new[] { Quarter(1, ("kommun", 12), ("region", 6), ("stat", 3), ("akademi", 2)), Quarter(2, ("kommun", 3)) };

        var table = ReportTables.DimensionByQuarter("SectorByQuarter", quarters, "sector", ExportLanguage.Swedish);

        table.Columns.Select(c => c.Header).ShouldBe(["Kvartal", "Sektor", "Antal", "Andel"]);
        table.Rows.Select(r => string.Join("|", r.Select(c => c.Text ?? c.Number!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))))
            .ShouldBe(["Kvartal 1 2026|Kommun|12|0.522", "Kvartal 1 2026|Region|6|0.261", "Kvartal 1 2026|Akademi|<5|–", "Kvartal 1 2026|Stat|<5|–"]);
        table.Notes.ShouldBe(["Kvartal 2 2026: Fördelningen visas inte: färre än 5 personer har delat sin profil."]);
    }

    [Fact]
    public void A_breakdown_counts_suppressed_cells_as_text_and_says_how_many_rows_a_chart_may_draw()
    {
        var report = Protected.Report(Protected.Event("x", 30, 30, Protected.Sectors(("kommun", 12), ("region", 6), ("stat", 3), ("akademi", 2))));

        var table = ReportTables.Breakdown("Sector", report, "sector", ExportLanguage.English);

        table.Rows.Select(r => r[1]).Select(c => c.Text ?? c.Number.ToString()).ShouldBe(["12", "6", "<5", "<5"]);
        table.Rows.ShouldAllBe(r => r[1].Format == CellFormat.Persons);
        ReportTables.ShownCells(report, "sector").ShouldBe(2);
    }

    [Fact]
    public void Quarters_side_by_side_are_the_trend_and_each_profile_dimension_quarter_by_quarter()
    {
        var quarters = new[] { Quarter(1, ("kommun", 12), ("region", 6)), Quarter(2, ("kommun", 7), ("stat", 8)) };

        var tables = ReportTables.ByQuarter(quarters, ExportLanguage.English);

        tables.Select(t => t.Name).ShouldBe(["Trend", "SectorByQuarter", "ProfessionByQuarter", "OrganisationByQuarter", "MunicipalityByQuarter"]);
        tables[0].Rows.Select(r => r[0].Text).ShouldBe(["Q1 2026", "Q2 2026"]);
        tables[1].Rows.Select(r => $"{r[0].Text} {r[1].Text} {r[2].Number}").ShouldBe(["Q1 2026 Municipality 12", "Q1 2026 Region 6", "Q2 2026 Central government 8", "Q2 2026 Municipality 7"]);
    }
}
