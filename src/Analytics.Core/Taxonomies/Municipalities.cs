namespace Analytics.Core.Taxonomies;

/// <summary>
/// Municipalities by SCB kommunkod. The 49 of Västra Götaland are seeded (source: SCB, see shared reference); any other
/// valid four-digit kommunkod is allowed, and so is "utland" for people from outside Sweden.
/// </summary>
public static class Municipalities
{
    public static readonly IReadOnlyList<Category> VastraGotaland =
    [
        new("1401", "Härryda", "Härryda", "14"),
        new("1402", "Partille", "Partille", "14"),
        new("1407", "Öckerö", "Öckerö", "14"),
        new("1415", "Stenungsund", "Stenungsund", "14"),
        new("1419", "Tjörn", "Tjörn", "14"),
        new("1421", "Orust", "Orust", "14"),
        new("1427", "Sotenäs", "Sotenäs", "14"),
        new("1430", "Munkedal", "Munkedal", "14"),
        new("1435", "Tanum", "Tanum", "14"),
        new("1438", "Dals-Ed", "Dals-Ed", "14"),
        new("1439", "Färgelanda", "Färgelanda", "14"),
        new("1440", "Ale", "Ale", "14"),
        new("1441", "Lerum", "Lerum", "14"),
        new("1442", "Vårgårda", "Vårgårda", "14"),
        new("1443", "Bollebygd", "Bollebygd", "14"),
        new("1444", "Grästorp", "Grästorp", "14"),
        new("1445", "Essunga", "Essunga", "14"),
        new("1446", "Karlsborg", "Karlsborg", "14"),
        new("1447", "Gullspång", "Gullspång", "14"),
        new("1452", "Tranemo", "Tranemo", "14"),
        new("1460", "Bengtsfors", "Bengtsfors", "14"),
        new("1461", "Mellerud", "Mellerud", "14"),
        new("1462", "Lilla Edet", "Lilla Edet", "14"),
        new("1463", "Mark", "Mark", "14"),
        new("1465", "Svenljunga", "Svenljunga", "14"),
        new("1466", "Herrljunga", "Herrljunga", "14"),
        new("1470", "Vara", "Vara", "14"),
        new("1471", "Götene", "Götene", "14"),
        new("1472", "Tibro", "Tibro", "14"),
        new("1473", "Töreboda", "Töreboda", "14"),
        new("1480", "Göteborg", "Göteborg", "14"),
        new("1481", "Mölndal", "Mölndal", "14"),
        new("1482", "Kungälv", "Kungälv", "14"),
        new("1484", "Lysekil", "Lysekil", "14"),
        new("1485", "Uddevalla", "Uddevalla", "14"),
        new("1486", "Strömstad", "Strömstad", "14"),
        new("1487", "Vänersborg", "Vänersborg", "14"),
        new("1488", "Trollhättan", "Trollhättan", "14"),
        new("1489", "Alingsås", "Alingsås", "14"),
        new("1490", "Borås", "Borås", "14"),
        new("1491", "Ulricehamn", "Ulricehamn", "14"),
        new("1492", "Åmål", "Åmål", "14"),
        new("1493", "Mariestad", "Mariestad", "14"),
        new("1494", "Lidköping", "Lidköping", "14"),
        new("1495", "Skara", "Skara", "14"),
        new("1496", "Skövde", "Skövde", "14"),
        new("1497", "Hjo", "Hjo", "14"),
        new("1498", "Tidaholm", "Tidaholm", "14"),
        new("1499", "Falköping", "Falköping", "14"),
    ];

    /// <summary>Often seen from outside Västra Götaland; Kungsbacka belongs to Göteborgsregionen though it lies in Halland.</summary>
    public static readonly IReadOnlyList<Category> Others =
    [
        new("1384", "Kungsbacka", "Kungsbacka", "13"),
        new("0180", "Stockholm", "Stockholm", "01"),
        new("1280", "Malmö", "Malmö", "12"),
        new("0380", "Uppsala", "Uppsala", "03"),
        new("2281", "Sundsvall", "Sundsvall", "22"),
        new("1380", "Halmstad", "Halmstad", "13"),
        new(Taxonomy.Abroad, "Utanför Sverige", "Outside Sweden"),
    ];

    public static readonly IReadOnlyList<Category> All = [.. VastraGotaland, .. Others];

    /// <summary>A kommunkod is four digits whose first two are a county code (01-25).</summary>
    public static bool IsValidCode(string? code)
    {
        if (code == Taxonomy.Abroad) return true;
        if (code is not { Length: 4 } || !code.All(char.IsAsciiDigit)) return false;
        var county = int.Parse(code[..2], System.Globalization.CultureInfo.InvariantCulture);
        return county is >= 1 and <= 25;
    }
}
