namespace Analytics.Ingest.Mapping;

/// <summary>Recognises the Swedish and English question headers of RSVP questions and forms.</summary>
public static class QuestionColumns
{
    // Order matters: "yrkesroll" must be read as profession before "roll" is read as role, and the consent question
    // mentions other words.
    private static readonly (Question Question, string[] Words)[] Patterns =
    [
        (Question.Consent, ["samtycke", "samtycker", "consent", "godkanner att mina svar"]),
        (Question.Sector, ["sektor", "sector"]),
        (Question.Profession, ["yrkesroll", "yrke", "profession", "occupation", "job title", "job role", "yrkesgrupp"]),
        (Question.Organisation, ["organisation", "organization", "arbetsgivare", "employer", "arbetsplats"]),
        (Question.Municipality, ["kommun", "municipality"]),
        (Question.Role, ["roll", "role"]),
    ];

    public static Question? Recognise(string header)
    {
        var key = TextKey.Of(header);
        if (key.Length == 0) return null;
        foreach (var (question, words) in Patterns)
            if (words.Any(w => key.Contains(w, StringComparison.Ordinal)))
                return question;
        return null;
    }

    /// <summary>
    /// The column of each recognised question, skipping the format's own columns (a Meetup "Title" is no question), even
    /// when a mapping names one: those hold names and e-mail addresses, which must never be read as answers. A column the
    /// organiser mapped is read as they said; the first column wins when two look alike.
    /// </summary>
    public static Dictionary<Question, int> Find(IReadOnlyList<string> header, IReadOnlyCollection<string>? except = null,
        ImportMapping? mapping = null)
    {
        bool Own(string column) => except?.Contains(column.Trim(), StringComparer.OrdinalIgnoreCase) == true;
        var found = new Dictionary<Question, int>();
        for (var i = 0; i < header.Count; i++)
            if (!Own(header[i]) && mapping?.ColumnFor(header[i]) is { } mapped)
                found[mapped] = i;
        for (var i = 0; i < header.Count; i++)
            if (!Own(header[i]) && Recognise(header[i]) is { } question && mapping?.ColumnFor(header[i]) is null)
                found.TryAdd(question, i);
        return found;
    }
}
