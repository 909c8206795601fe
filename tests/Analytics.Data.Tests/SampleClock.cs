using System.Diagnostics;

namespace Analytics.Testing;

/// <summary>
/// The sample data's day, moving on with real time: noon UTC on 27 November 2026 when the test process started. The
/// sites the tests start run on it, so the sample's planned events (December 2026) stay planned and its held events held
/// whenever the tests run, while time still passes for whatever waits on it (jobs, logins, lockouts, deadlines).
/// </summary>
public sealed class SampleClock : TimeProvider
{
    public static readonly DateTimeOffset Day = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    private static readonly long Started = Stopwatch.GetTimestamp();

    public static SampleClock Instance { get; } = new();

    public static DateTime UtcNow => Instance.GetUtcNow().UtcDateTime;

    public override DateTimeOffset GetUtcNow() => Day + Stopwatch.GetElapsedTime(Started);
}
