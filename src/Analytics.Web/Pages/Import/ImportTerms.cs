using Analytics.Core.Imports;

namespace Analytics.Web.Pages.Import;

/// <summary>
/// The words the import pages show for codes (kinds of file, questions, batch statuses): Swedish texts that are also
/// their keys in the shared resource.
/// </summary>
public static class ImportTerms
{
    /// <summary>The kinds an organiser can choose at upload; empty means "find out from the file".</summary>
    public static readonly IReadOnlyList<string> UploadKinds = ["", "meetup", "forms", "csv"];

    public static string Kind(string? kind) => kind switch
    {
        null or "" => "Automatiskt",
        "meetup" => "Meetup",
        "meetup-pro" => "Meetup Pro",
        "forms" => "Forms",
        "google-forms" => "Google Forms",
        "csv" => "CSV",
        "xlsx" => "Excel",
        _ => kind,
    };

    /// <summary>A question's name; a column that is no question (a header from the file) is shown as it is.</summary>
    public static string Column(string? column) => column switch
    {
        null or "" => "–",
        "sector" => "Sektor",
        "profession" => "Yrke",
        "organisation" => "Organisation",
        "municipality" => "Kommun",
        "role" => "Roll",
        "consent" => "Samtycke",
        _ => column,
    };

    public static string Status(ImportStatus status) => status switch
    {
        ImportStatus.Completed => "Klar",
        ImportStatus.CompletedWithErrors => "Klar, med avvisade rader",
        _ => "Avvisad",
    };
}
