namespace Analytics.Core.Consent;

/// <summary>
/// When an event's check-in form is open: from some hours before it starts to some hours after it ends (or starts, when
/// no end is known). Outside the window the form is closed, so a link shared later cannot add visits.
/// </summary>
public sealed record CheckInWindow(int OpensHoursBefore, int ClosesHoursAfter)
{
    public static readonly CheckInWindow Default = new(2, 4);

    public DateTime OpensAtUtc(DateTime startsAtUtc) => startsAtUtc.AddHours(-OpensHoursBefore);

    public DateTime ClosesAtUtc(DateTime startsAtUtc, DateTime? endsAtUtc) => (endsAtUtc ?? startsAtUtc).AddHours(ClosesHoursAfter);

    public bool IsOpen(DateTime startsAtUtc, DateTime? endsAtUtc, DateTime nowUtc) =>
        nowUtc >= OpensAtUtc(startsAtUtc) && nowUtc <= ClosesAtUtc(startsAtUtc, endsAtUtc);
}
