using Analytics.Core.Disclosure;
using Analytics.Core.Reports;
using Analytics.Web.Pages.Balance;

namespace Analytics.Web.Tests.Pages.Balance;

public sealed class PanelCheckTests
{
    private static readonly DisclosureControl Disclosure = new(new DisclosureOptions { K = 5 });

    private static readonly Dictionary<string, double> Targets = new() { ["kommun"] = 0.5, ["region"] = 0.3, ["stat"] = 0.2 };

    /// <summary>The registrations of a planned event by sector, protected: (code, persons), one registration each.</summary>
    private static ProtectedBreakdown Registered(params (string Code, int Persons)[] cells) =>
        Disclosure.Protect(new Breakdown("sector", [.. cells.Select(c => new Tally(c.Code, c.Code, c.Persons, c.Persons))]), cells.Sum(c => c.Persons));

    private static PanelBalance Check(ProtectedBreakdown registered, bool indicesShown = true, params string[] panel) =>
        PanelCheck.Of("sector", registered, Targets, panel, indicesShown, (_, label) => label);

    [Fact]
    public void Adds_the_panel_to_the_shown_counts_and_keeps_a_suppressed_category_suppressed()
    {
        var check = Check(Registered(("kommun", 12), ("region", 8), ("stat", 3), ("akademi", 2)), true, "kommun", "stat");

        var kommun = check.Rows.Single(r => r.Code == "kommun");
        (kommun.Before, kommun.Added, kommun.ShareAfter).ShouldBe((12, 1, 13.0 / 27));
        var stat = check.Rows.Single(r => r.Code == "stat");
        (stat.Suppressed, stat.Added, stat.ShareBefore, stat.ShareAfter, stat.GapAfter).ShouldBe((true, 1, null, null, null));
        (check.TotalBefore, check.TotalAfter).ShouldBe((25, 27));
        // D would give away the hidden shares, before and after alike.
        (check.DissimilarityBefore, check.DissimilarityAfter).ShouldBe((null, null));
    }

    [Fact]
    public void Shows_how_the_panel_moves_the_dissimilarity_from_the_targets()
    {
        var check = Check(Registered(("kommun", 12), ("region", 8)), true, "stat", "stat");

        // Before: ½ (|0.6 − 0.5| + |0.4 − 0.3| + |0 − 0.2|) = 0.2; after: 12, 8 and 2 of 22.
        check.DissimilarityBefore.ShouldNotBeNull().ShouldBe(0.2, tolerance: 1e-9);
        check.DissimilarityAfter.ShouldNotBeNull().ShouldBe(0.5 * (Math.Abs(12.0 / 22 - 0.5) + Math.Abs(8.0 / 22 - 0.3) + Math.Abs(2.0 / 22 - 0.2)), tolerance: 1e-9);
        check.Rows.Single(r => r.Code == "stat").GapAfter.ShouldNotBeNull().ShouldBe(2.0 / 22 - 0.2, tolerance: 1e-9);
    }

    [Fact]
    public void Compares_the_panel_alone_when_the_registrations_are_withheld()
    {
        var withheld = Registered(("kommun", 2), ("region", 1));
        withheld.Withheld.ShouldBeTrue();

        var check = Check(withheld, true, "kommun", "region");

        check.RegistrationsWithheld.ShouldBeTrue();
        check.Rows.Select(r => (r.Code, r.ShareAfter)).ShouldBe([("kommun", 0.5), ("region", 0.5), ("stat", 0.0)]);
        check.DissimilarityBefore.ShouldBeNull();
        check.DissimilarityAfter.ShouldNotBeNull().ShouldBe(0.2, tolerance: 1e-9);
    }

    [Fact]
    public void Leaves_out_gaps_and_d_below_the_minimum_for_indices()
    {
        var check = Check(Registered(("kommun", 5), ("region", 5)), false, "stat");

        check.Rows.ShouldAllBe(r => r.GapBefore == null && r.GapAfter == null);
        (check.DissimilarityBefore, check.DissimilarityAfter).ShouldBe((null, null));
        check.Rows.Single(r => r.Code == "stat").ShareAfter.ShouldBe(1.0 / 11);
    }
}
