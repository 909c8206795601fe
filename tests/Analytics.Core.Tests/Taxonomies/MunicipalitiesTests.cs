using Analytics.Core.Taxonomies;

namespace Analytics.Core.Tests.Taxonomies;

public class MunicipalitiesTests
{
    [Fact]
    public void Vastra_Gotaland_has_49_municipalities() => Municipalities.VastraGotaland.Count.ShouldBe(49);

    [Fact]
    public void Every_Vastra_Gotaland_municipality_is_in_county_14() =>
        Municipalities.VastraGotaland.ShouldAllBe(m => m.Code.StartsWith("14") && m.StandardCode == "14");

    [Fact]
    public void Municipality_codes_are_unique() =>
        Municipalities.All.Select(m => m.Code).ShouldBeUnique();

    [Theory]
    [InlineData("1480", "Göteborg")]
    [InlineData("1490", "Borås")]
    [InlineData("1488", "Trollhättan")]
    [InlineData("1496", "Skövde")]
    [InlineData("1407", "Öckerö")]
    [InlineData("1492", "Åmål")]
    public void Knows_the_municipalities_by_their_SCB_code(string code, string name) =>
        Taxonomy.Find(Municipalities.VastraGotaland, code)!.NameSv.ShouldBe(name);

    [Fact]
    public void Every_listed_code_is_valid() =>
        Municipalities.All.ShouldAllBe(m => Municipalities.IsValidCode(m.Code));

    [Theory]
    [InlineData("1480")]
    [InlineData("0180")]
    [InlineData("2584")]
    [InlineData("1384")]
    [InlineData("utland")]
    public void Accepts_any_four_digit_kommunkod_and_abroad(string code) => Municipalities.IsValidCode(code).ShouldBeTrue();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("148")]
    [InlineData("14800")]
    [InlineData("0080")]
    [InlineData("2680")]
    [InlineData("14a0")]
    [InlineData("Göteborg")]
    [InlineData("Utland")]
    [InlineData("١٤٨٠")]
    public void Refuses_anything_else(string? code) => Municipalities.IsValidCode(code).ShouldBeFalse();
}
