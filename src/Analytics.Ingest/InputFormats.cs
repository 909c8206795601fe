using Analytics.Ingest.Forms;
using Analytics.Ingest.Generic;
using Analytics.Ingest.GoogleForms;
using Analytics.Ingest.Mapping;
using Analytics.Ingest.Meetup;
using Analytics.Ingest.MeetupPro;

namespace Analytics.Ingest;

/// <summary>Every format the importer reads, most specific first: the first whose header matches reads the file.</summary>
public static class InputFormats
{
    public static readonly IReadOnlyList<InputFormat> All =
    [
        new MeetupAttendeeList(),
        new MeetupProRegistrations(),
        new FormsResponses(),
        new GoogleFormsResponses(),
        // Any table with a question column: last, so that it never takes a file a specific format reads.
        new GenericSpreadsheet(),
    ];

    /// <summary>
    /// The format for a file's header. A kind asked for narrows the choice to its family (meetup, forms, csv/xlsx) or
    /// names one format exactly; csv and xlsx accept any format, since they only say how the file is stored.
    /// </summary>
    public static InputFormat? For(IReadOnlyList<string> header, string? kind, ImportMapping mapping)
    {
        var candidates = kind switch
        {
            null or "" or "csv" or "xlsx" => All,
            _ => All.Where(f => f.Kind == kind || f.Family == kind).ToList(),
        };
        return candidates.FirstOrDefault(f => f.Matches(header, mapping));
    }

    public static IEnumerable<string> Kinds => All.Select(f => f.Kind).Concat(["csv", "xlsx"]).Distinct();
}
