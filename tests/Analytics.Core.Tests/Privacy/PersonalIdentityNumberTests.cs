using Analytics.Core.Privacy;

namespace Analytics.Core.Tests.Privacy;

public class PersonalIdentityNumberTests
{
    // Luhn over the nine digits after the century, weights 2,1,2,1,... from the left (a product above 9 adds its digits):
    //   811228-987|4:  16→7 + 1 + 2 + 2 + 4 + 8 + 18→9 + 8 + 14→5 = 46 → check (10 − 6) = 4
    //   121212-121|2:  Skatteverket's own example number
    //   701063-239|1:  a samordningsnummer, born 3 October 1970 (day 03 + 60)
    //   000229-123|5:  a leap day
    [Theory]
    [InlineData("811228-9874", "811228-9874")]
    [InlineData("8112289874", "8112289874")]
    [InlineData("19811228-9874", "19811228-9874")]
    [InlineData("198112289874", "198112289874")]
    [InlineData("811228+9874", "811228+9874")]
    [InlineData("811228 9874", "811228 9874")]
    [InlineData("121212-1212", "121212-1212")]
    [InlineData("701063-2391", "701063-2391")]
    [InlineData("19701063-2391", "19701063-2391")]
    [InlineData("20000229-1235", "20000229-1235")]
    [InlineData("Ring mig på 811228-9874 efter fem.", "811228-9874")]
    [InlineData("pnr:8112289874;", "8112289874")]
    public void Finds_a_personnummer_or_samordningsnummer_as_it_is_written(string text, string found) =>
        PersonalIdentityNumber.Find(text).ShouldBe(found);

    [Theory]
    [InlineData("212000-1355")]
    [InlineData("2120001355")]
    [InlineData("16212000-1355")]
    [InlineData("162120001355")]
    [InlineData("232100-0131")]
    [InlineData("556677-8899")]
    public void Does_not_take_an_organisationsnummer_for_one(string organisationsnummer) =>
        PersonalIdentityNumber.Find(organisationsnummer).ShouldBeNull();

    [Theory]
    [InlineData("user 976219441")]
    [InlineData("https://www.meetup.com/members/976219441/")]
    [InlineData("user 3333739")]
    [InlineData("2026-03-23")]
    [InlineData("2026-03-23 17:30")]
    [InlineData("2026-03-23T17:30:00")]
    [InlineData("3/23/2026 17:30")]
    [InlineData("20260323")]
    public void Does_not_take_a_meetup_member_id_or_a_date_for_one(string text) =>
        PersonalIdentityNumber.Find(text).ShouldBeNull();

    [Theory]
    [InlineData("0701234567")]
    [InlineData("0311234567")]
    [InlineData("0704112233")]
    [InlineData("070-123 45 67")]
    [InlineData("+46 70 411 22 33")]
    public void Does_not_take_a_phone_number_whose_last_digit_fails_the_check_for_one(string phone) =>
        PersonalIdentityNumber.Find(phone).ShouldBeNull();

    [Theory]
    [InlineData("811228-9875")]
    [InlineData("811232-1230")]
    [InlineData("010229-1234")]
    [InlineData("19010229-1234")]
    [InlineData("81122898745")]
    [InlineData("")]
    [InlineData(null)]
    public void Does_not_find_one_with_a_wrong_check_digit_an_impossible_date_or_the_wrong_length(string? text) =>
        PersonalIdentityNumber.Find(text).ShouldBeNull();

    [Theory]
    [InlineData("811228-9874", "81****-****")]
    [InlineData("8112289874", "81********")]
    [InlineData("19811228-9874", "1981****-****")]
    [InlineData("198112289874", "1981********")]
    [InlineData("811228+9874", "81****+****")]
    public void Masks_all_but_the_year_and_the_separator(string found, string masked) =>
        PersonalIdentityNumber.Mask(found).ShouldBe(masked);
}
