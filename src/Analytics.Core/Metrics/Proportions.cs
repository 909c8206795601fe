using Analytics.Core.Participations;

namespace Analytics.Core.Metrics;

/// <summary>Shares of a total, and the no-show rate of registrations.</summary>
public static class Proportions
{
    /// <summary>The share count / total; null when the total is zero, so an empty scope never shows NaN.</summary>
    public static double? Share(int count, int total)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Math.Max(total, 0));
        return total <= 0 ? null : (double)count / total;
    }

    /// <summary>
    /// Share of RSVP-yes registrations that did not attend, counted only at events whose attendance is known (an
    /// attendance list marked someone as attended or absent). Null when no such registration exists.
    /// </summary>
    public static double? NoShowRate(IEnumerable<(int EventId, Rsvp Rsvp, Attendance Attendance)> participations)
    {
        var rows = participations.ToList();
        var attendanceKnown = rows.Where(r => r.Attendance != Attendance.Unknown).Select(r => r.EventId).ToHashSet();
        var registered = rows.Where(r => r.Rsvp == Rsvp.Yes && attendanceKnown.Contains(r.EventId)).ToList();
        return Share(registered.Count(r => r.Attendance != Attendance.Attended), registered.Count);
    }
}
