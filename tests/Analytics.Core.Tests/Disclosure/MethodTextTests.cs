using Analytics.Core.Disclosure;
using Analytics.Core.Localisation;

namespace Analytics.Core.Tests.Disclosure;

public class MethodTextTests
{
    [Fact]
    public void States_the_threshold_the_suppression_the_roll_up_and_the_minimum_for_indices()
    {
        var text = MethodText.Report(6);

        text.ShouldContain("Grupper med 1 till 5 personer visas som <6");
        text.ShouldContain("minst 6 personer");
        text.ShouldContain("Övriga organisationer inom");
        text.ShouldContain("minst 10 personer har delat sin profil");
    }

    [Fact]
    public void Adds_the_cell_key_method_for_open_data()
    {
        MethodText.OpenData(5).ShouldStartWith(MethodText.Report(5));
        MethodText.OpenData(5).ShouldContain("cellnyckelmetoden");
        MethodText.OpenData(5).ShouldContain("±2");
    }

    [Fact]
    public async Task Is_written_in_english_when_asked()
    {
        var english = await Task.Run(() =>
        {
            Sentences.UseEnglish();
            return MethodText.OpenData(5);
        });

        english.ShouldContain("Groups of 1 to 4 people show as <5");
        english.ShouldContain("cell-key method");
        english.ShouldNotContain("personer");
    }

    [Fact]
    public void Travels_with_every_protected_report_so_every_output_carries_it()
    {
        var control = new DisclosureControl(new DisclosureOptions { K = 6 });
        var figures = Breakdowns.Event("x", 30, 25, 20, Breakdowns.Sector(10, 10));

        control.Protect(figures).Method.ShouldBe(MethodText.Report(6));
        control.ProtectPublic(figures).Method.ShouldBe(MethodText.OpenData(6));
    }
}
