using Analytics.Ingest.Mapping;

namespace Analytics.Ingest.Tests.Mapping;

public class TextKeyTests
{
    [Theory]
    [InlineData("Näringsliv", "naringsliv")]
    [InlineData("Naringsliv", "naringsliv")]
    [InlineData(" kommun ", "kommun")]
    [InlineData("KOMMUN", "kommun")]
    [InlineData("Västra   Götalandsregionen", "vastra gotalandsregionen")]
    [InlineData("Åmål\t kommun", "amal kommun")]
    [InlineData("Chef / ledning", "chef / ledning")]
    public void Ignores_case_spacing_and_diacritics(string answer, string key) => TextKey.Of(answer).ShouldBe(key);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Makes_an_empty_key_of_a_blank_answer(string? answer) => TextKey.Of(answer).ShouldBe("");

    [Fact]
    public void Gives_the_same_key_to_the_ways_people_write_one_answer() =>
        new[] { "Civilsamhälle", "civilsamhalle", " CIVILSAMHÄLLE", "Civilsamhalle " }.Select(TextKey.Of).Distinct().ShouldHaveSingleItem();
}
