using Analytics.Core.Taxonomies;

namespace Analytics.Core.Tests.Taxonomies;

public class SynonymsTests
{
    [Fact]
    public void Every_synonym_belongs_to_a_category_that_exists() =>
        Synonyms.Defaults.Keys.ShouldAllBe(key => Taxonomy.Find(Taxonomy.For(key.Item1), key.Item2) != null);

    [Fact]
    public void No_answer_means_two_categories_of_one_dimension()
    {
        var meanings = Synonyms.Defaults
            .SelectMany(entry => entry.Value.Select(answer => (Dimension: entry.Key.Item1, Answer: answer.ToLowerInvariant(), Code: entry.Key.Item2)))
            .Concat(Enum.GetValues<Dimension>().SelectMany(d => Taxonomy.For(d).SelectMany(c =>
                new[] { c.NameSv, c.NameEn }.Select(name => (Dimension: d, Answer: name.ToLowerInvariant(), c.Code)))));

        var ambiguous = meanings.GroupBy(m => (m.Dimension, m.Answer))
            .Where(g => g.Select(m => m.Code).Distinct().Count() > 1)
            .Select(g => $"{g.Key.Dimension} “{g.Key.Answer}”: {string.Join(", ", g.Select(m => m.Code).Distinct())}");

        ambiguous.ShouldBeEmpty();
    }

    [Fact]
    public void Knows_the_usual_ways_of_saying_a_sector()
    {
        Synonyms.For(Dimension.Sector, "akademi").ShouldContain("universitet");
        Synonyms.For(Dimension.Municipality, Taxonomy.Abroad).ShouldContain("utomlands");
    }

    [Fact]
    public void A_category_without_synonyms_has_none() => Synonyms.For(Dimension.Sector, "region").ShouldBeEmpty();
}
