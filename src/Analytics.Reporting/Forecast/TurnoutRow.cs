namespace Analytics.Reporting.Forecast;

/// <summary>
/// One registration as the turnout model sees it. Categories are text, one-hot encoded by the pipeline; a value the model
/// never saw (a new host) encodes as all zeros and so adds nothing.
/// </summary>
public sealed class TurnoutRow
{
    public bool Label { get; set; }
    public string Sector { get; set; } = "";
    public string Profession { get; set; } = "";
    public string Role { get; set; } = "";
    public string Format { get; set; } = "";
    public string Host { get; set; } = "";
    public string Weekday { get; set; } = "";
    public string Hour { get; set; } = "";
    public string Season { get; set; } = "";
    public string Online { get; set; } = "";
    public string FirstTime { get; set; } = "";

    /// <summary>log(1 + days between the RSVP and the start); 0 when the RSVP time is unknown, with <see cref="LeadKnown"/> 0.</summary>
    public float LeadDays { get; set; }
    public float LeadKnown { get; set; }
}

/// <summary>The model's answer for one row.</summary>
public sealed class TurnoutPrediction
{
    public float Probability { get; set; }
}

/// <summary>A registration with its event, for splitting by time and grouping by sector; <see cref="Row"/> is what the model reads.</summary>
public sealed record TurnoutCase(int EventId, DateTime StartsAtUtc, string Sector, TurnoutRow Row);
