using Analytics.Core.Audit;
using Analytics.Core.Disclosure;
using Analytics.Core.Forecasts;
using Analytics.Data.Audit;
using Analytics.Jobs.Forecast;
using Analytics.Reporting.Forecast;
using Analytics.Web.Accounts;
using Analytics.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Analytics.Web.Pages.Admin.Forecast;

/// <summary>
/// Prognosmodell: the current forecast version as its stored evaluation describes it (when it was trained, on how many
/// events and registrations, model or base rates and why, AUC and Brier of both, the calibration table), and "Träna om
/// nu", which queues the weekly training job at once and is audited. Counts of registrations pass disclosure control, as
/// in <c>analytics forecast train</c>'s JSON: <see cref="DisclosureControl.Protect(ForecastEvaluation)"/>.
/// </summary>
[EnableRateLimiting(RateLimits.Forms)]
public sealed class IndexModel(Forecaster forecaster, DisclosureControl disclosure, ForecastSettings settings, ForecastJobs jobs, AuditLog audit)
    : PageModel
{
    /// <summary>The audit entry's subject: the forecast as a whole, not one event.</summary>
    public const string Subject = "forecast";

    public ForecastModel? Version { get; private set; }
    public ProtectedEvaluation? Evaluation { get; private set; }

    /// <summary>Below this many held events with attendance known, no model is trained (Forecast:MinimumEvents).</summary>
    public int MinimumEvents => settings.MinimumEvents;
    public int K => disclosure.K;

    /// <summary>True after the redirect that follows "Träna om nu".</summary>
    public bool Queued { get; private set; }

    public async Task OnGetAsync(bool koad, CancellationToken cancellationToken)
    {
        Queued = koad;
        Version = await forecaster.CurrentAsync(cancellationToken);
        if (Version is not null)
            Evaluation = disclosure.Protect(Forecaster.EvaluationOf(Version));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var job = jobs.EnqueueTraining();
        await audit.WriteAsync(Actor.Of(User), AuditActions.ForecastTrainingRequested, Subject, $"job={job}", cancellationToken);
        return RedirectToPage(new { koad = true });
    }

    /// <summary>Why the version uses the model or the base rates, as the page words it (the stored reason is in English).</summary>
    public Why Reason => Evaluation switch
    {
        null => Why.None,
        { UsesModel: true } => Why.ModelBetter,
        { Model: not null } => Why.ModelNotBetter,
        { TestEvents: 0 } => Why.TooLittleHistory,
        _ => Why.NothingToLearn,
    };

    public enum Why { None, ModelBetter, ModelNotBetter, TooLittleHistory, NothingToLearn }
}
