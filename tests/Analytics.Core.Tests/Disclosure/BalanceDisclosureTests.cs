using Analytics.Core.Disclosure;
using Analytics.Core.Reports;
using static Analytics.Core.Tests.Disclosure.Breakdowns;

namespace Analytics.Core.Tests.Disclosure;

public class BalanceDisclosureTests
{
    private static readonly DisclosureControl Control = new(new DisclosureOptions { K = 5 });

    private static readonly (string, double)[] Targets =
        [("stat", 0.15), ("region", 0.15), ("kommun", 0.30), ("kommunal-samverkan", 0.10), ("akademi", 0.30)];

    /// <summary>The report of one event with the given sector breakdown and the targets above.</summary>
    private static ProtectedBalance Protect(Breakdown sectors, int withProfile, bool isExample = true) =>
        Control.Protect(Event("mote", registered: 60, attended: sectors.Total, withProfile, sectors) with
        {
            Balance = [Balance(sectors, isExample, Targets)],
        }).BalanceOf("sector").ShouldNotBeNull();

    private static ProtectedBalanceCell Cell(ProtectedBalance balance, string code) => balance.Cells.Single(c => c.Code == code);

    [Fact]
    public void Gives_a_category_its_share_wilson_interval_gap_and_representation_ratio()
    {
        // 12 of 40 from the state: p = 0.3. Wilson 95 %: centre (0.3 + z²/80) / (1 + z²/40) = 0.31753, half-width
        // z / (1 + z²/40) · √(0.3 · 0.7 / 40 + z² / 6400) = 0.13678, so [0.181, 0.454]. Target 0.15: gap 0.15, ratio 2.
        var balance = Protect(Sector(12, 10, 10, 8), withProfile: 40);

        var state = Cell(balance, "stat");
        (state.Count, state.Share, state.Low, state.High, state.Target, state.Gap, state.Ratio, state.Suppressed)
            .ShouldBe((12, 0.3, 0.181, 0.454, 0.15, 0.15, 2.0, false));
    }

    [Fact]
    public void Gives_the_dissimilarity_index_over_every_category_with_people_or_a_target()
    {
        // Shares 0.30, 0.25, 0.25, 0.20, 0 against targets 0.15, 0.15, 0.30, 0.10, 0.30: ½ (0.15 + 0.10 + 0.05 + 0.10 + 0.30) = 0.35.
        var balance = Protect(Sector(12, 10, 10, 8), withProfile: 40);

        balance.Dissimilarity.ShouldBe(0.35);
        var academia = Cell(balance, "akademi");
        (academia.Count, academia.Share, academia.Low, academia.Gap, academia.Ratio).ShouldBe((0, 0.0, 0.0, -0.3, 0.0));
        (balance.IsExample, balance.Withheld).ShouldBe((true, false));
        balance.Note.ShouldContain("exempel");
    }

    [Fact]
    public void Keeps_only_the_target_of_a_suppressed_cell_and_withholds_the_dissimilarity_index()
    {
        // 3 from a kommun are fewer than k; the 5 from kommunal samverkan are hidden with them so they cannot be recovered.
        var balance = Protect(Sector(20, 12, 3, 5), withProfile: 40);

        foreach (var code in new[] { "kommun", "kommunal-samverkan" })
        {
            var hidden = Cell(balance, code);
            (hidden.Count, hidden.Share, hidden.Low, hidden.High, hidden.Gap, hidden.Ratio, hidden.Suppressed)
                .ShouldBe((null, null, null, null, null, null, true), code);
        }
        Cell(balance, "kommun").Target.ShouldBe(0.30);
        Cell(balance, "stat").Share.ShouldBe(0.5);
        balance.Dissimilarity.ShouldBeNull();
        balance.Note.ShouldContain("Olikhetsindex D visas inte");
    }

    [Fact]
    public void Withholds_shares_intervals_gaps_and_the_index_below_ten_persons_with_a_profile()
    {
        var balance = Protect(Sector(9), withProfile: 9, isExample: false);

        var state = Cell(balance, "stat");
        (state.Count, state.Share, state.Low, state.High, state.Gap, state.Ratio, state.Suppressed)
            .ShouldBe((9, null, null, null, null, null, false));
        balance.Cells.ShouldAllBe(c => c.Share == null && c.Gap == null);
        balance.Dissimilarity.ShouldBeNull();
        balance.Note.ShouldContain("minst 10 personer");
        balance.Note.ShouldNotContain("exempel");
    }

    [Fact]
    public void Withholds_the_whole_comparison_where_the_breakdown_is_withheld()
    {
        var balance = Protect(Sector(2, 1), withProfile: 3);

        (balance.Withheld, balance.Cells.Count, balance.Dissimilarity).ShouldBe((true, 0, null));
        balance.Note.ShouldStartWith("Jämförelsen med målen visas inte");
    }
}
