using Analytics.Core.Taxonomies;

namespace Analytics.Core.Tests.Taxonomies;

public class TaxonomyTests
{
    public static TheoryData<Dimension> DimensionsWithCategories => [Dimension.Sector, Dimension.Profession, Dimension.Municipality, Dimension.Role];

    [Theory]
    [MemberData(nameof(DimensionsWithCategories))]
    public void Every_category_has_a_Swedish_and_an_English_name(Dimension dimension)
    {
        var categories = Taxonomy.For(dimension);
        categories.ShouldNotBeEmpty();
        categories.ShouldAllBe(c => !string.IsNullOrWhiteSpace(c.NameSv) && !string.IsNullOrWhiteSpace(c.NameEn));
    }

    [Fact]
    public void Every_event_format_has_a_Swedish_and_an_English_name() =>
        Taxonomy.EventFormats.ShouldAllBe(c => !string.IsNullOrWhiteSpace(c.NameSv) && !string.IsNullOrWhiteSpace(c.NameEn));

    [Theory]
    [MemberData(nameof(DimensionsWithCategories))]
    public void Codes_are_unique_within_a_dimension(Dimension dimension) =>
        Taxonomy.For(dimension).Select(c => c.Code).ShouldBeUnique();

    [Fact]
    public void Event_format_codes_are_unique() => Taxonomy.EventFormats.Select(c => c.Code).ShouldBeUnique();

    [Fact]
    public void Codes_are_lower_case_ascii_so_they_can_stand_in_urls_and_json()
    {
        var codes = new[] { Taxonomy.Sectors, Taxonomy.Professions, Taxonomy.Roles, Taxonomy.EventFormats, Municipalities.All }
            .SelectMany(list => list).Select(c => c.Code);
        codes.ShouldAllBe(code => code.All(ch => char.IsAsciiLetterLower(ch) || char.IsAsciiDigit(ch) || ch == '-'));
    }

    [Fact]
    public void Sectors_carry_citizens_as_a_sector_of_their_own() =>
        Taxonomy.Find(Taxonomy.Sectors, "medborgare")!.StandardCode.ShouldBe("S.14");

    [Fact]
    public void The_public_sector_categories_map_to_INSEKT()
    {
        Taxonomy.Find(Taxonomy.Sectors, "stat")!.StandardCode.ShouldBe("S.1311");
        Taxonomy.Find(Taxonomy.Sectors, "kommun")!.StandardCode.ShouldBe("S.1313");
        Taxonomy.Find(Taxonomy.Sectors, "civilsamhalle")!.StandardCode.ShouldBe("S.15");
    }

    [Fact]
    public void A_category_is_named_in_the_language_asked_for()
    {
        var kommun = Taxonomy.Find(Taxonomy.Sectors, "kommun")!;
        kommun.Name(english: false).ShouldBe("Kommun");
        kommun.Name(english: true).ShouldBe("Municipality");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("okand")]
    public void Finds_no_category_for_an_unknown_code(string? code) => Taxonomy.Find(Taxonomy.Sectors, code).ShouldBeNull();

    [Fact]
    public void Organisations_have_no_fixed_taxonomy() => Taxonomy.For(Dimension.Organisation).ShouldBeEmpty();

    [Theory]
    [InlineData(Dimension.Sector, "sector", "Sektor", "Sector")]
    [InlineData(Dimension.Profession, "profession", "Yrke", "Profession")]
    [InlineData(Dimension.Organisation, "organisation", "Organisation", "Organisation")]
    [InlineData(Dimension.Municipality, "municipality", "Kommun", "Municipality")]
    [InlineData(Dimension.Role, "role", "Roll", "Role")]
    public void A_dimension_has_a_code_and_a_Swedish_and_English_name(Dimension dimension, string code, string sv, string en)
    {
        dimension.Code().ShouldBe(code);
        dimension.NameSv().ShouldBe(sv);
        dimension.NameEn().ShouldBe(en);
        DimensionNames.TryParse(code, out var parsed).ShouldBeTrue();
        parsed.ShouldBe(dimension);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("gender")]
    [InlineData("7")]
    public void Refuses_an_unknown_dimension(string? code) => DimensionNames.TryParse(code, out _).ShouldBeFalse();
}
