using Analytics.Core.Organisations;

namespace Analytics.Core.Tests.Organisations;

public class OrganisationsnummerTests
{
    // Luhn over the first nine digits, weights 2,1,2,1,2,1,2,1,2 (a product above 9 adds its digits):
    //   212000-135|5  Göteborgs Stad:  4+1+4+0+0+0+2+3+(10→1) = 15 → check (10 − 5) = 5
    //   232100-013|1  VGR:             4+3+4+1+0+0+0+1+6      = 19 → check (10 − 9) = 1
    //   202100-544|8  Skatteverket:    4+0+4+1+0+0+(10→1)+4+8 = 22 → check (10 − 2) = 8
    [Theory]
    [InlineData("212000-1355", "2120001355")]
    [InlineData("232100-0131", "2321000131")]
    [InlineData("202100-5448", "2021005448")]
    public void Accepts_a_valid_organisationsnummer(string text, string digits)
    {
        Organisationsnummer.TryParse(text, out var number, out var error).ShouldBeTrue();
        error.ShouldBeNull();
        number.Digits.ShouldBe(digits);
    }

    [Theory]
    [InlineData("2120001355")]
    [InlineData("212000 1355")]
    [InlineData(" 212000-1355 ")]
    [InlineData("21 20 00 - 13 55")]
    [InlineData("16212000-1355")]
    [InlineData("162120001355")]
    public void Accepts_the_number_with_or_without_dash_spaces_and_the_16_prefix(string text) =>
        Organisationsnummer.Parse(text).Digits.ShouldBe("2120001355");

    [Fact]
    public void Is_written_with_a_dash_after_six_digits() =>
        Organisationsnummer.Parse("162321000131").ToString().ShouldBe("232100-0131");

    [Fact]
    public void Equal_numbers_are_equal_however_they_were_written() =>
        Organisationsnummer.Parse("2021005448").ShouldBe(Organisationsnummer.Parse("202100-5448"));

    [Theory]
    [InlineData("212000-1354")]
    [InlineData("232100-0132")]
    [InlineData("202100-5440")]
    public void Rejects_a_wrong_check_digit_with_a_clear_message(string text)
    {
        Organisationsnummer.TryParse(text, out _, out var error).ShouldBeFalse();
        error.ShouldContain("fel kontrollsiffra");
        error.ShouldContain(text);
    }

    [Theory]
    [InlineData("212000-135")]
    [InlineData("212000-13550")]
    [InlineData("172120001355")]
    [InlineData("")]
    [InlineData(null)]
    public void Rejects_a_number_of_the_wrong_length(string? text)
    {
        Organisationsnummer.TryParse(text, out _, out var error).ShouldBeFalse();
        error.ShouldContain("tio siffror");
    }

    [Theory]
    [InlineData("21200A-1355")]
    [InlineData("ABCDEF-GHIJ")]
    [InlineData("212000/1355")]
    public void Rejects_letters_and_other_characters(string text)
    {
        Organisationsnummer.TryParse(text, out _, out var error).ShouldBeFalse();
        error.ShouldContain("tio siffror");
    }

    [Theory]
    [InlineData("811218-9876")]
    [InlineData("8112189876")]
    [InlineData("160101-0008")]
    [InlineData("19811218-9876")]
    public void Rejects_a_personnummer_with_a_clear_message(string text)
    {
        Organisationsnummer.TryParse(text, out _, out var error).ShouldBeFalse();
        error.ShouldContain("personnummer");
        // The message ends up in logs and import error lists, so it must not repeat the personnummer.
        error.ShouldNotContain(text);
    }

    [Fact]
    public void A_personnummer_passes_Luhn_so_the_month_digits_are_what_refuse_it() =>
        Luhn.IsValid("8112189876").ShouldBeTrue();

    [Fact]
    public void Parse_throws_a_format_exception_carrying_the_reason() =>
        Should.Throw<FormatException>(() => Organisationsnummer.Parse("811218-9876")).Message.ShouldContain("Personnummer sparas aldrig");

    [Theory]
    [InlineData("212000135", 5)]
    [InlineData("232100013", 1)]
    [InlineData("202100544", 8)]
    [InlineData("7992739871", 3)]
    public void Luhn_computes_the_check_digit(string body, int check) => Luhn.CheckDigit(body).ShouldBe(check);

    [Theory]
    [InlineData("")]
    [InlineData("5")]
    public void Luhn_refuses_fewer_than_two_digits(string digits) => Luhn.IsValid(digits).ShouldBeFalse();
}
