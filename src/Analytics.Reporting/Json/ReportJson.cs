using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
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
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { WithoutTieGraph } },
    };

    private static readonly JsonSerializerOptions Compact = new(JsonSerializerDefaults.Web);

    /// <summary>The documented report document; only a protected report can be written.</summary>
    public static string Serialize(ProtectedReport report) => JsonSerializer.Serialize(report, Options);

    internal static string Payload(ReportFigures figures) => JsonSerializer.Serialize(figures, Compact);

    internal static ReportFigures? ReadPayload(string payload) => JsonSerializer.Deserialize<ReportFigures>(payload, Compact);

    /// <summary>
    /// The document leaves out <see cref="ProtectedReach.TieGraph"/>: the network is stored and read apart from the report
    /// (only Räckvidd draws it, from ReportReader.ReadTieGraphAsync), so the property is null for every current snapshot, and
    /// a whole network at scale (hundreds of thousands of ties) is no part of a report document. <c>reach.ties</c> keeps
    /// its summary: count, total weight and E-I index.
    /// </summary>
    private static void WithoutTieGraph(JsonTypeInfo type)
    {
        if (type.Type != typeof(ProtectedReach)) return;
        for (var i = type.Properties.Count - 1; i >= 0; i--)
            if (type.Properties[i].Name == "tieGraph") type.Properties.RemoveAt(i);
    }
}
