using System.Text.Json;
using Analytics.Core.Disclosure;
using Analytics.Core.Events;

namespace Analytics.Reporting.Json;

/// <summary>
/// The open data document: the licence, the method, and each completed quarter's report document as
/// <see cref="ReportJson"/> writes it. The reports are already protected by the cell-key method.
/// </summary>
public static class OpenDataJson
{
    public const string Licence = "CC0-1.0";
    public const string LicenceUrl = "https://creativecommons.org/publicdomain/zero/1.0/";

    public static string Serialize(IEnumerable<(Quarter Quarter, ProtectedReport Report)> quarters, string method) =>
        JsonSerializer.Serialize(new
        {
            licence = Licence,
            licenceUrl = LicenceUrl,
            method,
            quarters = quarters.Select(q => new { quarter = q.Quarter.ToString(), report = q.Report }),
        }, ReportJson.Options);
}
