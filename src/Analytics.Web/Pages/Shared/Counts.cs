using System.Globalization;

namespace Analytics.Web.Pages.Shared;

/// <summary>
/// The one format of a protected count on a page: the number in the reader's culture ("1 234" with a non-breaking space
/// in Swedish, "1,234" in English), or "&lt;k" for a count disclosure control hid. The <c>&lt;count&gt;</c> tag helper, the
/// forecast box and the summary lines of the planned events all write counts through it, so one number reads the same
/// everywhere. (<c>ProtectedReport.Show</c> and <c>ProtectedForecast.Show</c> write invariant digits, for files.)
/// </summary>
public static class Counts
{
    public static string Show(int? count, int k) => count?.ToString("N0", CultureInfo.CurrentCulture) ?? $"<{k}";
}
