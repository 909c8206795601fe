using System.Globalization;
using Analytics.Core.Audit;
using Analytics.Core.Targets;
using Analytics.Core.Taxonomies;
using Analytics.Data;
using Analytics.Data.Audit;
using Analytics.Jobs.Scheduling;
using Analytics.Web.Accounts;
using Analytics.Web.Hosting;
using Analytics.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Analytics.Web.Pages.Admin.Targets;

/// <summary>
/// Mål: the target share of each category, per dimension, that Balans compares the participants with. An admin saves
/// one dimension at a time; the shares must each lie in 0–100 % and add up to 100 % (within <see cref="Tolerance"/>).
/// Saving makes the dimension's targets decided rather than examples, is audited, and recomputes every report, since
/// each snapshot carries the targets it was computed against.
/// </summary>
[EnableRateLimiting(RateLimits.Forms)]
public sealed class IndexModel(AnalyticsDbContext db, AuditLog audit, ReportJobs jobs, IStringLocalizer<SharedResource> localizer)
    : PageModel
{
    /// <summary>How far from 100 % the sum may be, in percentage points: shares typed with whole percents rarely add up exactly.</summary>
    public const double Tolerance = 0.5;

    /// <summary>The dimensions offered even before they have targets: sector is what the steering group asks about first.</summary>
    private static readonly Dimension[] AlwaysOffered = [Dimension.Sector];

    public IReadOnlyList<DimensionTargets> Dimensions { get; private set; } = [];

    /// <summary>The dimension just saved (after the redirect), for the confirmation.</summary>
    public string? Saved { get; private set; }

    /// <summary>The dimension whose form was posted and refused, with what is wrong, in the order of its fields.</summary>
    public string? Refused { get; private set; }
    public IReadOnlyList<FieldProblem> Problems { get; private set; } = [];

    [BindProperty(Name = "Dimension")] public string? PostedDimension { get; set; }

    /// <summary>The typed percentages by category code, as text, so a refused form shows exactly what was typed.</summary>
    [BindProperty] public Dictionary<string, string?> Shares { get; set; } = [];

    public async Task OnGetAsync(string? sparad, CancellationToken cancellationToken)
    {
        Saved = DimensionNames.TryParse(sparad, out var saved) ? saved.Code() : null;
        await LoadAsync(null, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var stored = await db.TargetMixes.ToListAsync(cancellationToken);
        if (!DimensionNames.TryParse(PostedDimension, out var dimension) || !Offered(stored).Contains(dimension)) return BadRequest();

        var categories = Taxonomy.For(dimension);
        var (shares, problems) = Validate(dimension, categories);
        if (problems.Count > 0)
        {
            Refused = dimension.Code();
            Problems = problems;
            await LoadAsync(dimension, cancellationToken);
            return Page();
        }

        var code = dimension.Code();
        var existing = stored.Where(t => t.Dimension == code).ToDictionary(t => t.Code, StringComparer.Ordinal);
        foreach (var category in categories)
        {
            if (!existing.TryGetValue(category.Code, out var target))
            {
                // A category without a row and with 0 % stays without a row: no row and 0 % mean the same to the report.
                if (shares[category.Code] == 0) continue;
                target = new TargetMix { Dimension = code, Code = category.Code };
                db.TargetMixes.Add(target);
            }
            target.Share = shares[category.Code];
            target.IsExample = false;
        }
        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(Actor.Of(User), AuditActions.TargetsChanged, code,
            $"categories={shares.Count(s => s.Value > 0)}", cancellationToken);
        jobs.EnqueueRecomputeAll();
        return RedirectToPage(new { sparad = code });
    }

    /// <summary>Reads each typed percentage; blank is 0 %. The shares come back as fractions, as the report stores them.</summary>
    private (Dictionary<string, double> Shares, List<FieldProblem> Problems) Validate(Dimension dimension, IReadOnlyList<Category> categories)
    {
        var shares = new Dictionary<string, double>(StringComparer.Ordinal);
        var problems = new List<FieldProblem>();
        var english = CategoryNames.English;
        foreach (var category in categories)
        {
            var typed = Shares.GetValueOrDefault(category.Code)?.Trim().TrimEnd('%').Trim();
            if (string.IsNullOrEmpty(typed))
            {
                shares[category.Code] = 0;
                continue;
            }
            if (!TryParsePercent(typed, out var percent))
                problems.Add(new(FieldId(dimension.Code(), category.Code), localizer["Andelen för {0} är inte ett tal.", category.Name(english)]));
            else if (percent is < 0 or > 100)
                problems.Add(new(FieldId(dimension.Code(), category.Code), localizer["Andelen för {0} ska vara mellan 0 och 100 %.", category.Name(english)]));
            else
                shares[category.Code] = percent / 100;
        }
        if (problems.Count == 0)
        {
            var sum = shares.Values.Sum() * 100;
            if (Math.Abs(sum - 100) > Tolerance)
                problems.Add(new(FieldId(dimension.Code(), categories[0].Code), localizer["Andelarna för {0} blir tillsammans {1} %. De ska bli 100 % (±{2}).",
                    CategoryNames.DimensionName(dimension.Code()).ToLower(CultureInfo.CurrentCulture), Percent(sum), Percent(Tolerance)], OneField: false));
        }
        return (shares, problems);
    }

    /// <summary>A comma or a point as the decimal sign: Swedish keyboards type the one, copied figures often have the other.</summary>
    private static bool TryParsePercent(string typed, out double percent) =>
        double.TryParse(typed.Replace(',', '.').Replace(" ", "").Replace("\u00a0", ""), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign,
            CultureInfo.InvariantCulture, out percent) && double.IsFinite(percent);

    public static string Percent(double percent) => Math.Round(percent, 2).ToString("0.##", CultureInfo.CurrentCulture);

    public static string FieldId(string dimension, string code) => $"share-{dimension}-{code}";

    /// <summary>The dimensions with targets, and the ones always offered, in the order the reports use.</summary>
    private static IReadOnlyList<Dimension> Offered(IEnumerable<TargetMix> stored) =>
        [.. stored.Select(t => DimensionNames.TryParse(t.Dimension, out var d) ? d : (Dimension?)null).OfType<Dimension>()
            .Concat(AlwaysOffered).Where(d => Taxonomy.For(d).Count > 0).Distinct().Order()];

    /// <summary>Every offered dimension with its categories; the refused one keeps what was typed.</summary>
    private async Task LoadAsync(Dimension? refused, CancellationToken cancellationToken)
    {
        var stored = await db.TargetMixes.AsNoTracking().ToListAsync(cancellationToken);
        var english = CategoryNames.English;
        Dimensions = [.. Offered(stored).Select(dimension =>
        {
            var code = dimension.Code();
            var rows = stored.Where(t => t.Dimension == code).ToDictionary(t => t.Code, StringComparer.Ordinal);
            var categories = Taxonomy.For(dimension).Select(c => new CategoryTarget(c.Code, c.Name(english),
                dimension == refused ? Shares.GetValueOrDefault(c.Code) ?? "" : Percent((rows.GetValueOrDefault(c.Code)?.Share ?? 0) * 100))).ToList();
            return new DimensionTargets(code, CategoryNames.DimensionName(code), rows.Values.Any(t => t.IsExample),
                rows.Values.Sum(t => t.Share) * 100, categories);
        })];
    }
}

/// <summary>One dimension's targets: whether they are examples, their stored sum in percent, and each category's typed or stored percentage.</summary>
public sealed record DimensionTargets(string Code, string Name, bool IsExample, double StoredSum, IReadOnlyList<CategoryTarget> Categories);

public sealed record CategoryTarget(string Code, string Name, string Percent);

/// <summary>
/// What is wrong, and the id of the field the error summary links to: the field itself, or for a wrong sum (no one
/// field is wrong) the dimension's first field, where correcting starts.
/// </summary>
public sealed record FieldProblem(string FieldId, string Message, bool OneField = true);
