using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Analytics.Core.Disclosure;
using Analytics.Core.Reports;

namespace Analytics.Reporting.Json;

/// <summary>The JSON forms: the public report document (protected) and the stored snapshot payload (raw).</summary>
public static class ReportJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        // å, ä and ö stay readable in the output instead of becoming \u00e5.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The documented report document; only a protected report can be written.</summary>
    public static string Serialize(ProtectedReport report) => JsonSerializer.Serialize(report, Options);

    internal static string Payload(ReportFigures figures) => JsonSerializer.Serialize(figures, StoredJson.Payloads);

    internal static ReportFigures? ReadPayload(string payload) => JsonSerializer.Deserialize<ReportFigures>(payload, StoredJson.Payloads);
}
