namespace Analytics.Testing;

/// <summary>A clock that always says the same time, so "held" and "planned" do not depend on when the tests run.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    /// <summary>The day data-samples/ describes: every event up to November 2026 is held, December's are planned.</summary>
    public static FixedClock SampleDay { get; } = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}
