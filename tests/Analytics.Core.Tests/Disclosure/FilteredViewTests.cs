using Analytics.Core.Disclosure;
using Analytics.Core.Localisation;
using Analytics.Core.Reports;
using static Analytics.Core.Tests.Disclosure.Breakdowns;

namespace Analytics.Core.Tests.Disclosure;

public class FilteredViewTests
{
    private const int K = 5;

    private static ReportFigures Population(int registered, int withProfile) =>
        Event("x", registered, attended: null, withProfile) with { Counted = registered };

    [Theory]
    [InlineData(40, 20, 100, 60)] // both the view and the rest are large
    [InlineData(0, 0, 100, 60)] // an empty view says nothing about anyone
    [InlineData(100, 60, 100, 60)] // the view is the whole: the rest is empty
    [InlineData(5, 5, 10, 10)] // exactly k on both sides
    public void Shows_a_view_when_it_and_the_rest_of_its_parent_are_each_at_least_k_or_empty(int view, int viewProfiles, int parent, int parentProfiles) =>
        FilteredView.Refusal(Population(view, viewProfiles), Population(parent, parentProfiles), K).ShouldBeNull();

    [Fact]
    public void Refuses_a_view_of_fewer_than_k_people()
    {
        var refusal = FilteredView.Refusal(Population(4, 2), Population(100, 60), K);

        refusal.ShouldBe("Urvalet visas inte: det omfattar färre än 5 personer.");
    }

    [Theory]
    [InlineData(97, 60, 100, 60)] // three registered outside the view
    [InlineData(50, 58, 100, 60)] // two people with a profile outside it
    public void Refuses_a_view_that_differs_from_its_parent_by_fewer_than_k_people(int view, int viewProfiles, int parent, int parentProfiles)
    {
        var refusal = FilteredView.Refusal(Population(view, viewProfiles), Population(parent, parentProfiles), K);

        refusal.ShouldNotBeNull();
        refusal.ShouldContain("skiljer sig från helheten med färre än 5 personer");
    }

    [Fact]
    public void Compares_attendance_too_where_both_have_a_list()
    {
        var view = Event("v", 50, attended: 38, 30) with { Counted = 38 };
        var parent = Event("p", 60, attended: 40, 30) with { Counted = 40 };

        FilteredView.Refusal(view, parent, K).ShouldNotBeNull();
    }

    [Fact]
    public async Task Says_why_in_english_when_asked()
    {
        var refusal = await Task.Run(() =>
        {
            Sentences.UseEnglish();
            return FilteredView.Refusal(Population(4, 2), Population(100, 60), K);
        });

        refusal.ShouldBe("This selection is not shown: it covers fewer than 5 people.");
    }
}
