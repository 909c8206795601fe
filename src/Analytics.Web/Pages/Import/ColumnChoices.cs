using Analytics.Core.Privacy;
using Analytics.Ingest;
using Analytics.Ingest.Mapping;
using Microsoft.Extensions.Localization;

namespace Analytics.Web.Pages.Import;

/// <summary>One column of the uploaded file in the preview's column form, as posted.</summary>
public sealed class ColumnChoice
{
    /// <summary>The column's position in the header row; its text is read from the file again, never taken from the form.</summary>
    public int Index { get; set; }

    /// <summary>The code of the question the column answers (sector, profession, ...); empty for none.</summary>
    public string? Question { get; set; }
}

/// <summary>
/// Which question each column of an uploaded file answers, as the preview's column form shows it, and its translation to
/// the upload's <see cref="ImportMapping.Columns"/>. Every choice is checked against how the importer itself would then
/// read the file, so what the organiser chooses is what the import does.
/// </summary>
public sealed class ColumnChoices(IReadOnlyList<string> header, string? kind)
{
    /// <summary>The questions a column can answer, in the order the form offers them.</summary>
    public static readonly IReadOnlyList<string> Questions = Enum.GetValues<Question>().Select(Code).ToList();

    /// <summary>
    /// Whether the preview offers the columns: for a file the importer read, or one it refused only because no column
    /// asks a question it knows, which a column mapping makes readable. A file chosen as a specific kind (a Meetup list)
    /// is read by that kind's own columns, so a mapping cannot make it readable.
    /// </summary>
    public bool Offered(ImportResult preview, ImportMapping mapping) =>
        !preview.AlreadyImported && header.Any(h => h.Trim().Length > 0)
        && (preview.Refusal is null || (kind is null or "" or "csv" or "xlsx" && InputFormats.For(header, kind, mapping) is null));

    public bool Has(int index) => index >= 0 && index < header.Count && header[index].Trim().Length > 0;

    /// <summary>The header text as the page shows it: a personnummer in it is masked, as in every message.</summary>
    public string Shown(int index) => PersonalIdentityNumber.Masked(header[index]);

    /// <summary>
    /// The form's rows: one per header text (the mapping knows a column by its text, so two alike are one row), with what
    /// the importer read the column as, or, when it read nothing, what the stored mapping says.
    /// </summary>
    public List<ColumnChoice> For(ImportResult preview, ImportMapping mapping) =>
        Distinct().Select(i => new ColumnChoice
        {
            Index = i,
            Question = preview.Refusal is null
                ? preview.Columns.Where(c => TextKey.Of(c.Value) == TextKey.Of(header[i])).Select(c => c.Key).FirstOrDefault()
                : mapping.ColumnFor(header[i]) is { } question ? Code(question) : null,
        }).ToList();

    /// <summary>
    /// The column mapping the form asks for, and what refuses it, by row: a question chosen for two columns (the second is
    /// refused), a column the importer reads as something other than a question (an e-mail address), a column left on
    /// none that its header makes the importer read anyway, and a file that still has no question column.
    /// </summary>
    public (IReadOnlyDictionary<string, Question> Columns, IReadOnlyList<(int Row, string Message)> Problems) ToColumns(
        IReadOnlyList<ColumnChoice> choices, ImportMapping mapping, IStringLocalizer localizer)
    {
        var columns = new Dictionary<string, Question>();
        var chosenIn = new Dictionary<Question, int>();
        var rows = new List<(int Row, int Index, Question? Question)>();
        var problems = new List<(int Row, string Message)>();
        for (var row = 0; row < choices.Count; row++)
        {
            var index = choices[row].Index;
            if (!Has(index)) continue;
            if (!IsQuestion(choices[row].Question, out var question))
            {
                rows.Add((row, index, null));
            }
            else if (chosenIn.TryGetValue(question, out var first))
            {
                problems.Add((row, localizer["Kolumnen ”{0}” kan inte också vara {1}; ”{2}” är redan vald för den frågan. Välj en kolumn per fråga.",
                    Shown(index), localizer[ImportTerms.Column(Code(question))], Shown(choices[first].Index)]));
            }
            else
            {
                chosenIn[question] = row;
                columns[header[index]] = question;
                rows.Add((row, index, question));
            }
        }
        if (problems.Count > 0) return (columns, problems);

        var read = Read(mapping with { Columns = columns });
        foreach (var (row, index, question) in rows)
        {
            var readAs = read.Where(r => TextKey.Of(r.Value) == TextKey.Of(header[index])).Select(r => (Question?)r.Key).FirstOrDefault();
            if (question is not null && readAs != question)
                problems.Add((row, localizer["Kolumnen ”{0}” kan inte vara en fråga; importen läser den redan som något annat, till exempel e-post, namn eller närvaro.",
                    Shown(index)]));
            else if (question is null && readAs is { } recognised)
                problems.Add((row, localizer["Kolumnen ”{0}” känns igen som {1} på sin rubrik och läses ändå; välj en annan kolumn som {1} om den här inte är rätt.",
                    Shown(index), localizer[ImportTerms.Column(Code(recognised))]]));
        }
        if (read.Count == 0 && columns.Count == 0 && rows.Count > 0)
            problems.Add((rows[0].Row, localizer["Välj vilken fråga minst en kolumn svarar på; annars känner importen inte igen filen."]));
        return (columns, problems);
    }

    /// <summary>Whether the importer would read other columns as questions under the second mapping than under the first.</summary>
    public bool Changes(ImportMapping before, ImportMapping after)
    {
        var (was, now) = (Read(before), Read(after));
        return was.Count != now.Count || was.Any(c => !now.TryGetValue(c.Key, out var column) || TextKey.Of(column) != TextKey.Of(c.Value));
    }

    /// <summary>Which column the importer reads as which question under a mapping; none when it would refuse the file.</summary>
    private IReadOnlyDictionary<Question, string> Read(ImportMapping mapping) =>
        InputFormats.For(header, kind, mapping)?.RecognisedColumns(header, mapping) ?? new Dictionary<Question, string>();

    private IEnumerable<int> Distinct()
    {
        var seen = new HashSet<string>();
        for (var i = 0; i < header.Count; i++)
            if (Has(i) && seen.Add(TextKey.Of(header[i])))
                yield return i;
    }

    /// <summary>A question by its code; a number, which an enum would also take, is none.</summary>
    private static bool IsQuestion(string? code, out Question question) =>
        Enum.TryParse(code, ignoreCase: true, out question) && Enum.IsDefined(question) && !int.TryParse(code, out _);

    private static string Code(Question question) => question.ToString().ToLowerInvariant();
}
