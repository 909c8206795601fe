using Analytics.Core.Privacy;
using Analytics.Ingest.Mapping;
using Analytics.Ingest.Text;

namespace Analytics.Ingest;

/// <summary>
/// One kind of file an organiser has (a Meetup list, a Forms export, ...): how to tell it from its header, and how to
/// turn its rows into <see cref="SourceRow"/>s keeping no personal data but the identifier to hash. The checks every
/// format shares live here: rows longer than the header, and personnummer anywhere in a row.
/// </summary>
public abstract class InputFormat
{
    /// <summary>Rows read before the first is interpreted, so per-file choices (the date style) see a sample.</summary>
    private const int SampleRows = 200;

    /// <summary>The kind's code, as in `analytics import --kind` and in the import history.</summary>
    public abstract string Kind { get; }

    /// <summary>The family a person names on the command line: meetup, forms or csv.</summary>
    public abstract string Family { get; }

    public bool Matches(IReadOnlyList<string> header) => Matches(header, ImportMapping.Empty);

    public abstract bool Matches(IReadOnlyList<string> header, ImportMapping mapping);

    /// <summary>True when the file tells attendance (a check-in form, a list with an Attendance column).</summary>
    public virtual bool HasAttendance(IReadOnlyList<string> header) => false;

    /// <summary>Which column was read as which question, for the preview.</summary>
    public abstract IReadOnlyDictionary<Question, string> RecognisedColumns(IReadOnlyList<string> header, ImportMapping mapping);

    public IEnumerable<SourceRow> Read(ITable table, ImportMapping? mapping = null)
    {
        mapping ??= ImportMapping.Empty;
        var header = table.Header;
        var sample = new List<TableRow>();
        using var rows = table.Rows().GetEnumerator();
        while (sample.Count < SampleRows && rows.MoveNext()) sample.Add(rows.Current);
        var interpret = Prepare(header, mapping, sample);

        foreach (var row in sample) yield return Screen(row, header, interpret);
        while (rows.MoveNext()) yield return Screen(rows.Current, header, interpret);
    }

    /// <summary>Looks at the header and a sample of rows once, and returns how to read each row.</summary>
    protected abstract Func<TableRow, SourceRow> Prepare(IReadOnlyList<string> header, ImportMapping mapping, IReadOnlyList<TableRow> sample);

    private static SourceRow Screen(TableRow row, IReadOnlyList<string> header, Func<TableRow, SourceRow> interpret)
    {
        if (row.Cells.Skip(header.Count).Any(c => !string.IsNullOrWhiteSpace(c)))
            return new SourceRow(row.RowNumber)
            {
                Problem = Messages.Say("Raden har {0} kolumner men rubrikraden {1}; kontrollera avgränsare och citattecken.", row.Cells.Length, header.Count),
            };
        for (var i = 0; i < row.Cells.Length; i++)
            if (PersonalIdentityNumber.Find(row.Cells[i]) is { } found)
                return new SourceRow(row.RowNumber)
                {
                    ProblemColumn = i < header.Count ? PersonalIdentityNumber.Masked(header[i]) : null,
                    Problem = Messages.Say("Raden innehåller ett personnummer ({0}). Personnummer sparas aldrig; ta bort det ur filen.", PersonalIdentityNumber.Mask(found)),
                };
        return interpret(row);
    }
}
