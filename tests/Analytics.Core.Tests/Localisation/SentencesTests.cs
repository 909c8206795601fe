using Analytics.Core.Localisation;
using Analytics.Core.Organisations;

namespace Analytics.Core.Tests.Localisation;

public sealed class SentencesTests
{
    [Fact]
    public async Task Tells_people_in_swedish_unless_a_host_asks_for_english()
    {
        // The machine's locale must not decide: a server with an English locale still answers organisers in Swedish.
        var swedish = await Task.Run(() => Error("212000-1356"));
        var english = await Task.Run(() =>
        {
            Sentences.UseEnglish();
            return Error("212000-1356");
        });

        swedish.ShouldBe("”212000-1356” har fel kontrollsiffra; kontrollera organisationsnumret.");
        english.ShouldBe("“212000-1356” has the wrong check digit; check the organisationsnummer.");
    }

    [Fact]
    public async Task Asking_for_english_in_one_flow_leaves_others_in_swedish()
    {
        await Task.Run(Sentences.UseEnglish);

        Sentences.English.ShouldBeFalse();
        Error("811218-9876").ShouldStartWith("Det här ser ut som ett personnummer.");
    }

    private static string Error(string text)
    {
        Organisationsnummer.TryParse(text, out _, out var error).ShouldBeFalse();
        return error!;
    }
}
