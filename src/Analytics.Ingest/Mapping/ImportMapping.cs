using System.Text.Json;
using System.Text.Json.Serialization;
using Analytics.Core.Taxonomies;

namespace Analytics.Ingest.Mapping;

/// <summary>
/// What an organiser told the importer about a file: which column is which question, what an unknown answer means, and
/// which new organisations to create in which sector. Value mappings are saved on commit (as synonyms and organisation
/// aliases), so the next file needs no mapping for them. As JSON (the CLI's --mapping FILE):
/// <code>
/// { "columns": { "Arbetsgivare": "organisation" },
///   "values": { "sector": { "Kommunal verksamhet": "kommun" }, "organisation": { "GU": "Göteborgs universitet" } },
///   "newOrganisations": { "Exempelbyrån AB": "naringsliv" } }
/// </code>
/// </summary>
public sealed record ImportMapping
{
    public static readonly ImportMapping Empty = new();

    /// <summary>Header text → the question it asks.</summary>
    public IReadOnlyDictionary<string, Question> Columns { get; init; } = new Dictionary<string, Question>();

    /// <summary>Question → (answer → category code, or for organisations the name of a known organisation).</summary>
    public IReadOnlyDictionary<Question, IReadOnlyDictionary<string, string>> Values { get; init; } =
        new Dictionary<Question, IReadOnlyDictionary<string, string>>();

    /// <summary>An unknown organisation answer → the sector to create it in, confirmed by the organiser.</summary>
    public IReadOnlyDictionary<string, string> NewOrganisations { get; init; } = new Dictionary<string, string>();

    public Question? ColumnFor(string header) =>
        Columns.FirstOrDefault(c => TextKey.Of(c.Key) == TextKey.Of(header)) is { Key: not null } found ? found.Value : null;

    public string? ValueFor(Question question, string answer) =>
        Values.TryGetValue(question, out var answers)
            ? answers.FirstOrDefault(a => TextKey.Of(a.Key) == TextKey.Of(answer)).Value
            : null;

    public string? NewOrganisationSector(string answer) =>
        NewOrganisations.FirstOrDefault(o => TextKey.Of(o.Key) == TextKey.Of(answer)).Value;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Reads a mapping file; a mistake in it is a <see cref="FormatException"/> with a sentence.</summary>
    public static ImportMapping Parse(string json)
    {
        try
        {
            var file = JsonSerializer.Deserialize<MappingFile>(json, Json) ?? new MappingFile();
            var problems = new List<string>();
            var columns = new Dictionary<string, Question>();
            foreach (var (header, question) in file.Columns ?? [])
                if (IsQuestion(question, out var q)) columns[header] = q;
                else problems.Add(Messages.Say("”{0}” är ingen fråga; välj sector, profession, organisation, municipality, role eller consent.", question));
            var values = new Dictionary<Question, IReadOnlyDictionary<string, string>>();
            foreach (var (question, answers) in file.Values ?? [])
                if (!IsQuestion(question, out var q)) problems.Add(Messages.Say("”{0}” är ingen fråga att mappa svar för.", question));
                else if (answers is null) problems.Add(Messages.Say("Svaren att mappa för ”{0}” saknas.", question));
                else values[q] = answers;
            foreach (var (name, sector) in file.NewOrganisations ?? [])
                if (Taxonomy.Find(Taxonomy.Sectors, sector) is null)
                    problems.Add(Messages.Say("Sektorn ”{0}” för ”{1}” finns inte; välj något av {2}.", sector, name, string.Join(", ", Taxonomy.Sectors.Select(s => s.Code))));
            if (problems.Count > 0) throw new FormatException(string.Join(" ", problems));
            return new ImportMapping { Columns = columns, Values = values, NewOrganisations = file.NewOrganisations ?? [] };
        }
        catch (JsonException e)
        {
            throw new FormatException(Messages.Say("Mappningsfilen är inte giltig JSON (rad {0}).", e.LineNumber + 1));
        }
    }

    /// <summary>A question by its name; a number, which an enum would also take, is none.</summary>
    private static bool IsQuestion(string? name, out Question question) =>
        Enum.TryParse(name, ignoreCase: true, out question) && Enum.IsDefined(question) && !int.TryParse(name, out _);

    public string ToJson() => JsonSerializer.Serialize(new MappingFile
    {
        Columns = Columns.ToDictionary(c => c.Key, c => c.Value.ToString().ToLowerInvariant()),
        Values = Values.ToDictionary(v => v.Key.ToString().ToLowerInvariant(), v => v.Value.ToDictionary(a => a.Key, a => a.Value)),
        NewOrganisations = NewOrganisations.ToDictionary(o => o.Key, o => o.Value),
    }, Json);

    private sealed class MappingFile
    {
        public Dictionary<string, string>? Columns { get; set; }
        public Dictionary<string, Dictionary<string, string>>? Values { get; set; }
        public Dictionary<string, string>? NewOrganisations { get; set; }
    }
}
