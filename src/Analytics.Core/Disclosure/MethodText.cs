using Analytics.Core.Localisation;

namespace Analytics.Core.Disclosure;

/// <summary>
/// The method text that goes beside every table and into every export: what disclosure control did and why, in the
/// reader's language (<see cref="Sentences"/>). Each breakdown's own Note says what was hidden in that table.
/// </summary>
public static class MethodText
{
    /// <summary>The rules every report follows, for organisers and the steering group.</summary>
    public static string Report(int k) => string.Join(" ",
        CoreMessages.Say("Siffrorna är skyddade så att ingen enskild person kan pekas ut."),
        CoreMessages.Say("Grupper med 1 till {0} personer visas som <{1}, utan andel.", k - 1, k),
        CoreMessages.Say("Där en dold cell annars skulle kunna räknas fram ur totalen döljs ytterligare celler, så att de dolda tillsammans omfattar minst {0} personer.", k),
        CoreMessages.Say("Organisationer med färre än {0} personer redovisas samlat som ”Övriga organisationer inom” sin sektor.", k),
        CoreMessages.Say("Mångfaldsmått, intervall och avstånd till målen visas först när minst {0} personer har delat sin profil.", DisclosureOptions.MinimumForIndices));

    /// <summary>The rules of the open data, which add the cell-key method to those of every report.</summary>
    public static string OpenData(int k) => string.Join(" ",
        Report(k),
        CoreMessages.Say("Dessutom har varje antal fått ett litet, fast slumpbrus (högst ±{0}) enligt cellnyckelmetoden, som SCB använder: samma cell får alltid samma brus, så två tabeller kan inte dras ifrån varandra för att hitta en enskild person, och ett antal som inte är noll blir aldrig noll.", CellKey.MaximumNoise),
        CoreMessages.Say("Andelar räknas från de brusade antalen. Bara avslutade kvartal publiceras, och kvartal överlappar inte varandra."));
}
