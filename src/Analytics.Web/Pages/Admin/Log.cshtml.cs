using Analytics.Core.Audit;
using Analytics.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Web.Pages.Admin;

/// <summary>Granskningslogg: the audit entries, newest first, 50 to a page. Admins only (the /Admin folder's policy).</summary>
public sealed class LogModel(AnalyticsDbContext db) : PageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public int PageNumber { get; private set; }
    public int Pages { get; private set; }

    public async Task OnGetAsync(int? sida, CancellationToken cancellationToken)
    {
        var total = await db.AuditEntries.CountAsync(cancellationToken);
        Pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(sida ?? 1, 1, Pages);
        Entries = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
    }
}
