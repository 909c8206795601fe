using System.Security.Cryptography;
using Analytics.Core.Privacy;

namespace Analytics.Core.Tests.Privacy;

public class AttendeeKeyHasherTests
{
    // Bytes 0..31: a fixed secret, so the expected keys below can be recomputed outside .NET.
    private static readonly byte[] FixedSecret = [.. Enumerable.Range(0, 32).Select(i => (byte)i)];

    private static AttendeeKeyHasher WithRandomSecret() => new(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void The_same_identifier_under_the_same_secret_gives_the_same_key()
    {
        var secret = RandomNumberGenerator.GetBytes(32);
        new AttendeeKeyHasher(secret).ForEmail("anna@example.se").ShouldBe(new AttendeeKeyHasher(secret).ForEmail("anna@example.se"));
        new AttendeeKeyHasher(secret).ForMeetupMember("12345").ShouldBe(new AttendeeKeyHasher(secret).ForMeetupMember("12345"));
    }

    [Fact]
    public void Another_secret_gives_another_key() =>
        WithRandomSecret().ForEmail("anna@example.se").ShouldNotBe(WithRandomSecret().ForEmail("anna@example.se"));

    [Fact]
    public void Different_people_get_different_keys()
    {
        var hasher = WithRandomSecret();
        hasher.ForEmail("anna@example.se").ShouldNotBe(hasher.ForEmail("anne@example.se"));
        hasher.ForMeetupMember("12345").ShouldNotBe(hasher.ForMeetupMember("12346"));
    }

    [Theory]
    [InlineData("Anna.Andersson@Goteborg.se")]
    [InlineData("  anna.andersson@goteborg.se\t")]
    [InlineData("ANNA.ANDERSSON@GOTEBORG.SE\n")]
    public void An_email_address_is_normalised_for_case_and_surrounding_whitespace(string written)
    {
        var hasher = WithRandomSecret();
        hasher.ForEmail(written).ShouldBe(hasher.ForEmail("anna.andersson@goteborg.se"));
    }

    [Fact]
    public void A_meetup_member_id_is_trimmed()
    {
        var hasher = WithRandomSecret();
        hasher.ForMeetupMember(" 12345 ").ShouldBe(hasher.ForMeetupMember("12345"));
    }

    [Fact]
    public void An_email_and_a_meetup_id_with_the_same_text_get_different_keys()
    {
        var hasher = WithRandomSecret();
        hasher.ForEmail("12345").ShouldNotBe(hasher.ForMeetupMember("12345"));
    }

    [Fact]
    public void A_key_is_32_lower_case_hex_characters()
    {
        var hasher = WithRandomSecret();
        hasher.ForEmail("anna@example.se").ShouldMatch("^[0-9a-f]{32}$");
        hasher.ForMeetupMember("12345").ShouldMatch("^[0-9a-f]{32}$");
    }

    [Fact]
    public void The_identifier_does_not_appear_in_the_key()
    {
        var hasher = new AttendeeKeyHasher(FixedSecret);
        foreach (var id in new[] { "12345", "1234", "2026", "abc", "anna" })
        {
            hasher.ForMeetupMember(id).ShouldNotContain(id);
            hasher.ForEmail($"{id}@example.se").ShouldNotContain(id);
        }
    }

    // Returning attendees are linked across imports and releases by these keys, so the construction must never drift.
    // Recomputed outside .NET: hmac.new(bytes(range(32)), b"email:anna.andersson@goteborg.se", sha256).hexdigest()[:32].
    [Fact]
    public void Keys_stay_stable_across_releases()
    {
        var hasher = new AttendeeKeyHasher(FixedSecret);
        hasher.ForEmail("Anna.Andersson@goteborg.se").ShouldBe("39753425da29f408aa256fadac81cbc0");
        hasher.ForMeetupMember("12345").ShouldBe("f3a81ba4d437461d4dfe74e2c6c93514");
    }

    [Fact]
    public void A_key_is_not_a_plain_hash_of_the_identifier()
    {
        // SHA-256 of "email:…" would be reversible with a dictionary of e-mail addresses.
        var plain = Convert.ToHexStringLower(SHA256.HashData("email:anna.andersson@goteborg.se"u8)[..16]);
        new AttendeeKeyHasher(FixedSecret).ForEmail("anna.andersson@goteborg.se").ShouldNotBe(plain);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(16)]
    [InlineData(31)]
    public void Refuses_a_secret_shorter_than_32_bytes(int length) =>
        Should.Throw<ArgumentException>(() => new AttendeeKeyHasher(new byte[length])).Message.ShouldContain("32 bytes");

    [Fact]
    public void Accepts_a_longer_secret() =>
        new AttendeeKeyHasher(RandomNumberGenerator.GetBytes(64)).ForEmail("anna@example.se").Length.ShouldBe(32);
}
