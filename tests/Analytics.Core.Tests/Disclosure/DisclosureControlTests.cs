using Analytics.Core.Disclosure;
using Analytics.Core.Events;
using Analytics.Core.Metrics;
using Analytics.Core.Reports;
using static Analytics.Core.Tests.Disclosure.Breakdowns;

namespace Analytics.Core.Tests.Disclosure;

public class DisclosureControlTests
{
    private static readonly DisclosureControl Control = new(new DisclosureOptions { K = 5 });

    private static ProtectedBreakdown Protect(Breakdown breakdown, int withProfile = 100) => Control.Protect(breakdown, withProfile);

    private static ProtectedCell Cell(ProtectedBreakdown breakdown, string code) => breakdown.Cells.Single(c => c.Code == code);

    [Fact]
    public void Shows_every_category_with_at_least_k_persons()
    {
        var result = Protect(Sector(17, 12, 8, 5));

        result.Withheld.ShouldBeFalse();
        result.Total.ShouldBe(42);
        result.Cells.Select(c => (c.Code, c.Count)).ShouldBe([("stat", 17), ("region", 12), ("kommun", 8), ("kommunal-samverkan", 5)]);
        result.Cells.ShouldAllBe(c => !c.Suppressed);
        result.Note.ShouldBe("Inga värden behövde döljas (tröskel 5 personer).");
    }

    [Fact]
    public void Suppresses_a_cell_of_a_part_where_the_rest_of_the_whole_would_be_fewer_than_k()
    {
        // All: 17 stat, 12 region, 8 kommun. The audience: 17, 9, 8. Showing the audience's 9 beside the whole's 12 would
        // tell that 3 of the speakers and organisers are from a region.
        var audience = Control.Protect(Sector(17, 9, 8), withProfile: 100, whole: Sector(17, 12, 8));

        Cell(audience, "region").Suppressed.ShouldBeTrue();
        Cell(audience, "stat").Count.ShouldBe(17);
        // The suppressed cells must still hide each other: with one suppressed, the smallest other one goes too.
        Cell(audience, "kommun").Suppressed.ShouldBeTrue();
    }

    [Fact]
    public void Shares_are_of_the_breakdown_total_rounded_to_three_decimals()
    {
        var result = Protect(Sector(17, 12, 8, 5));

        // 17/42 = 0.40476…, 12/42 = 0.28571…, 8/42 = 0.19047…, 5/42 = 0.11904…
        result.Cells.Select(c => c.Share).ShouldBe([0.405, 0.286, 0.190, 0.119]);
    }

    [Fact]
    public void Lists_categories_largest_first_and_leaves_out_empty_ones()
    {
        var result = Protect(Sector(6, 0, 30, 0, 12));

        result.Cells.Select(c => c.Code).ShouldBe(["kommun", "akademi", "stat"]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Suppresses_a_category_of_1_to_k_minus_1_persons(int persons)
    {
        var result = Protect(Sector(20, 15, persons, 4));

        var cell = Cell(result, "kommun");
        cell.Suppressed.ShouldBeTrue();
        cell.Count.ShouldBeNull();
        cell.Share.ShouldBeNull();
        cell.Label.ShouldBe("Kommun");
    }

    [Fact]
    public void Suppresses_the_next_smallest_cell_when_one_is_suppressed()
    {
        // Alone, the 2 could be recovered as 37 − 20 − 9 − 6; hiding the 6 as well leaves 8 persons unaccounted for.
        var result = Protect(Sector(20, 9, 6, 2));

        result.Total.ShouldBe(37);
        Cell(result, "kommunal-samverkan").Suppressed.ShouldBeTrue();
        Cell(result, "kommun").Suppressed.ShouldBeTrue();
        Cell(result, "region").Count.ShouldBe(9);
        Cell(result, "stat").Count.ShouldBe(20);
        result.Note.ShouldContain("1 kategori med färre än 5 personer visas som <5.");
        result.Note.ShouldContain("1 kategori till har dolts så att de dolda inte kan räknas fram ur totalen.");
    }

    [Fact]
    public void Suppresses_nothing_more_when_the_suppressed_cells_already_cover_k_persons()
    {
        var result = Protect(Sector(20, 9, 3, 2));

        result.Cells.Count(c => c.Suppressed).ShouldBe(2);
        Cell(result, "region").Count.ShouldBe(9);
        result.Note.ShouldStartWith("2 kategorier med färre än 5 personer visas som <5.");
        result.Note.ShouldNotContain("till har dolts");
    }

    [Fact]
    public void Counts_distinct_persons_not_visits_against_the_threshold()
    {
        // Over a quarter, 3 people who came to four events make 12 visits: still fewer than 5 persons.
        var result = Protect(SectorWithReturningPeople((40, 25), (12, 3), (9, 6)));

        Cell(result, "region").Suppressed.ShouldBeTrue();
        Cell(result, "kommun").Suppressed.ShouldBeTrue();
        Cell(result, "stat").Count.ShouldBe(40);
        result.Total.ShouldBe(61);
    }

    [Fact]
    public void Withholds_the_whole_breakdown_when_fewer_than_k_persons_are_in_it()
    {
        var result = Protect(Sector(2, 2));

        result.Withheld.ShouldBeTrue();
        result.Total.ShouldBeNull();
        result.Cells.ShouldBeEmpty();
        result.EffectiveNumber.ShouldBeNull();
        result.Note.ShouldBe("Fördelningen visas inte: färre än 5 personer har delat sin profil.");
    }

    [Fact]
    public void Withholds_the_whole_breakdown_when_every_category_is_below_k()
    {
        var result = Protect(Sector(4, 4, 3));

        result.Withheld.ShouldBeTrue();
        result.Cells.ShouldBeEmpty();
        result.Note.ShouldBe("Fördelningen visas inte: varje kategori har färre än 5 personer.");
    }

    [Fact]
    public void Withholds_the_whole_breakdown_when_protecting_one_small_category_would_hide_the_other()
    {
        var result = Protect(Sector(10, 3));

        result.Withheld.ShouldBeTrue();
        result.Cells.ShouldBeEmpty();
        result.Note.ShouldBe("Fördelningen visas inte: varje kategori skulle behöva döljas (färre än 5 personer).");
    }

    [Fact]
    public void An_empty_breakdown_is_shown_as_empty_not_withheld()
    {
        var result = Protect(Sector(0, 0));

        result.Withheld.ShouldBeFalse();
        result.Total.ShouldBe(0);
        result.Cells.ShouldBeEmpty();
        result.Note.ShouldBe("Inga personer med profil i urvalet.");
    }

    [Fact]
    public void Names_an_organisation_only_with_at_least_k_persons_and_rolls_the_rest_up_into_their_sector()
    {
        var result = Protect(ByOrganisation(
            ("Göteborgs Stad", "kommun", 8),
            ("Mölndals stad", "kommun", 2),
            ("Partille kommun", "kommun", 3),
            ("Västra Götalandsregionen", "region", 6),
            ("Skatteverket", "stat", 1),
            ("Försäkringskassan", "stat", 2),
            ("Polismyndigheten", "stat", 2)));

        result.Cells.Select(c => (c.Label, c.Count)).ShouldBe([
            ("Göteborgs Stad", 8),
            ("Västra Götalandsregionen", 6),
            ("Övriga organisationer inom kommun", 5),
            ("Övriga organisationer inom stat", 5),
        ]);
        Cell(result, "ovriga:kommun").Suppressed.ShouldBeFalse();
        result.Total.ShouldBe(24);
    }

    [Fact]
    public void A_rolled_up_group_still_below_k_is_suppressed_like_any_other_category()
    {
        var result = Protect(ByOrganisation(
            ("Göteborgs Stad", "kommun", 12),
            ("Chalmers", "akademi", 9),
            ("Göteborgs universitet", "akademi", 6),
            ("Skatteverket", "stat", 1),
            ("Försäkringskassan", "stat", 2)));

        Cell(result, "ovriga:stat").Suppressed.ShouldBeTrue();
        result.Cells.ShouldNotContain(c => c.Label == "Skatteverket" || c.Label == "Försäkringskassan");
        result.Cells.Count(c => c.Suppressed).ShouldBe(2);
    }

    [Fact]
    public void Only_organisations_are_rolled_up_into_their_group()
    {
        var municipalities = new Breakdown("municipality", [
            new Tally("1480", "Göteborg", 20, 20, "14", "Västra Götaland"),
            new Tally("1481", "Mölndal", 2, 2, "14", "Västra Götaland"),
            new Tally("1401", "Härryda", 3, 3, "14", "Västra Götaland"),
        ]);

        var result = Protect(municipalities);

        result.Cells.Select(c => c.Code).ShouldBe(["1480", "1401", "1481"]);
        result.Cells.Count(c => c.Suppressed).ShouldBe(2);
    }

    [Fact]
    public void Diversity_indices_are_withheld_below_ten_persons_with_a_profile()
    {
        var result = Protect(Sector(5, 5), withProfile: 9);

        result.Cells.ShouldAllBe(c => !c.Suppressed);
        result.EffectiveNumber.ShouldBeNull();
        result.Blau.ShouldBeNull();
        result.Evenness.ShouldBeNull();
        result.Note.ShouldBe("Mångfaldsmått visas först när minst 10 personer har delat sin profil.");
    }

    [Fact]
    public void Diversity_indices_are_shown_from_ten_persons_with_a_profile_rounded()
    {
        int[] counts = [17, 12, 8, 5];
        var result = Protect(Sector(counts), withProfile: 10);

        result.EffectiveNumber.ShouldBe(Math.Round(Diversity.EffectiveNumber(counts), 2));
        result.Blau.ShouldBe(Math.Round(Diversity.Blau(counts)!.Value, 3));
        result.Evenness.ShouldBe(Math.Round(Diversity.Evenness(counts)!.Value, 3));
    }

    [Fact]
    public void Diversity_indices_cannot_reveal_how_the_suppressed_persons_split()
    {
        // The total and the shown 20 leave 7 persons in the two hidden sectors. Had the indices used the hidden
        // counts, each split of the 7 would give a different Blau and so give the split away.
        (int, int)[] splits = [(4, 3), (3, 4), (6, 1), (1, 6), (5, 2), (2, 5)];
        var results = splits.Select(s => Protect(Sector(20, s.Item1, s.Item2))).ToList();

        results.ShouldAllBe(r => r.Cells.Count(c => c.Suppressed) == 2);
        results.Select(r => (r.EffectiveNumber, r.Blau, r.Evenness)).Distinct().Count().ShouldBe(1);
        results.Select(r => string.Join(",", r.Cells.Select(c => $"{c.Code}={c.Count}"))).Distinct().Count().ShouldBe(1);
        results[0].Blau.ShouldBe(Math.Round(Diversity.Blau([20, 7])!.Value, 3));
        results[0].Note.ShouldContain("räknar de dolda kategorierna som en");
    }

    [Fact]
    public void Suppressed_cells_come_last_in_label_order_so_their_place_gives_nothing_away()
    {
        var result = Protect(Sector(20, 4, 9, 3));

        result.Cells.Select(c => c.Code).ShouldBe(["stat", "kommun", "kommunal-samverkan", "region"]);
        result.Cells.Select(c => c.Suppressed).ShouldBe([false, false, true, true]);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, null)]
    [InlineData(3, null)]
    [InlineData(4, null)]
    [InlineData(5, 5)]
    [InlineData(7, 7)]
    public void A_headcount_of_1_to_k_minus_1_is_not_shown_but_zero_is(int count, int? shown) =>
        Control.Count(count).ShouldBe(shown);

    [Fact]
    public void Protects_the_headcounts_of_a_report()
    {
        var report = Control.Protect(Event("2026-03-23-forsta-motet", registered: 64, attended: 3, withProfile: 0));

        report.Participants.Registered.ShouldBe(64);
        report.Participants.Attended.ShouldBeNull();
        report.Participants.AttendanceUnknown.ShouldBeFalse();
        report.Participants.WithProfile.ShouldBe(0);
        report.Show(report.Participants.Attended).ShouldBe("<5");
        report.Show(report.Participants.Registered).ShouldBe("64");
    }

    [Fact]
    public void Tells_unknown_attendance_from_suppressed_attendance()
    {
        var report = Control.Protect(Event("planerad-traff", registered: 30, attended: null, withProfile: 20));

        report.Participants.Attended.ShouldBeNull();
        report.Participants.AttendanceUnknown.ShouldBeTrue();
    }

    [Fact]
    public void Protects_every_breakdown_of_a_report_by_its_dimension()
    {
        var report = Control.Protect(Event("2026-03-23-forsta-motet", 64, 48, 41, Sector(17, 12, 8, 4),
            ByOrganisation(("Göteborgs Stad", "kommun", 41))));

        report.K.ShouldBe(5);
        report.Scope.ShouldBe(new ProtectedScope("event", "2026-03-23-forsta-motet"));
        report.Events.ShouldBeNull();
        report.EventsWithAttendance.ShouldBeNull();
        report.Dimensions.Keys.ShouldBe(["sector", "organisation"], ignoreOrder: true);
        report.Dimension("sector")!.Cells.Count(c => c.Suppressed).ShouldBe(2);
        report.Dimension("profession").ShouldBeNull();
    }

    [Fact]
    public void A_quarter_report_says_how_many_events_it_covers_and_how_many_had_an_attendance_list()
    {
        var figures = new ReportFigures(ReportScope.ForQuarter(new Quarter(2026, 1)), 4, 3, 120, 90, 90, 70, 3, []);

        var report = Control.Protect(figures);

        report.Events.ShouldBe(4);
        report.EventsWithAttendance.ShouldBe(3);
        report.Scope.Key.ShouldBe("2026Q1");
    }

    [Theory]
    [InlineData(2)]
    [InlineData(0)]
    [InlineData(-5)]
    public void Refuses_a_threshold_below_three(int k)
    {
        var options = new DisclosureOptions { K = k };

        options.Validate().ShouldBe($"Disclosure:K är {k}, men tröskeln får aldrig vara lägre än 3.");
        Should.Throw<ArgumentException>(() => new DisclosureControl(options)).Message.ShouldContain("aldrig vara lägre än 3");
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(10)]
    public void Accepts_a_threshold_of_three_or_more(int k)
    {
        var options = new DisclosureOptions { K = k };

        options.Validate().ShouldBeNull();
        new DisclosureControl(options).K.ShouldBe(k);
    }

    [Fact]
    public void The_default_threshold_is_five() => new DisclosureOptions().K.ShouldBe(5);

    [Fact]
    public void A_higher_threshold_suppresses_more()
    {
        var strict = new DisclosureControl(new DisclosureOptions { K = 10 });

        var result = strict.Protect(Sector(30, 12, 9, 8), 59);

        result.Cells.Count(c => c.Suppressed).ShouldBe(2);
        result.Note.ShouldContain("2 kategorier med färre än 10 personer visas som <10.");
    }
}
