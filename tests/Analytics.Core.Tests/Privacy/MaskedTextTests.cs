using Analytics.Core.Privacy;

namespace Analytics.Core.Tests.Privacy;

public class MaskedTextTests
{
    [Fact]
    public void Masks_every_personnummer_in_a_text_and_keeps_the_rest()
    {
        PersonalIdentityNumber.Masked("Anna 811228-9874, Bo 19121212-1212; rum 12")
            .ShouldBe("Anna 81****-****, Bo 1912****-****; rum 12");
    }

    [Fact]
    public void Leaves_a_text_without_one_as_it_is()
    {
        PersonalIdentityNumber.Masked("E-post, organisation 556677-8899").ShouldBe("E-post, organisation 556677-8899");
    }

    [Fact]
    public void Masks_the_same_number_written_twice()
    {
        PersonalIdentityNumber.Masked("8112289874/8112289874").ShouldBe("81********/81********");
    }
}
