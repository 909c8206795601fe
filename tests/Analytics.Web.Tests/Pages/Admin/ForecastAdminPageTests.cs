using System.Net;
using System.Text.Json;
using Analytics.Core.Audit;
using Analytics.Core.Disclosure;
using Analytics.Core.Forecasts;
using Analytics.Jobs.Forecast;
using Analytics.Reporting.Forecast;
using Analytics.Web.Tests.Pages.Shared;
using Hangfire;
using Hangfire.States;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Analytics.Web.Tests.Pages.CheckIn.CheckInPages;
using static Analytics.Web.Tests.Pages.Shared.PageDocument;

namespace Analytics.Web.Tests.Pages.Admin;

/// <summary>/admin/prognos: the current forecast version's stored evaluation, protected, and "Träna om nu" queuing the training job.</summary>
[Collection(WebCollection.Name)]
public sealed class ForecastAdminPageTests(AnalyticsWebFactory factory)
{
    private const string Address = "/admin/prognos";

    private async Task<(ForecastModel Version, ProtectedEvaluation Evaluation)> TrainAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var version = (await scope.ServiceProvider.GetRequiredService<ForecastUpdates>().TrainAsync(CancellationToken.None)).Version;
        var evaluation = JsonSerializer.Deserialize<ForecastEvaluation>(version.EvaluationJson, ForecastTrainer.Json)!;
        return (version, scope.ServiceProvider.GetRequiredService<DisclosureControl>().Protect(evaluation));
    }

    private static async Task<HttpResponseMessage> RetrainAsync(HttpClient client, string tokenFrom = Address)
    {
        var form = await client.GetStringAsync(tokenFrom);
        return await client.PostAsync(Address, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AnalyticsWebFactory.AntiforgeryToken(form),
        }));
    }

    private Task<long> LastAuditAsync() => QueryAsync(factory, async db => await db.AuditEntries.MaxAsync(e => (long?)e.Id) ?? 0);

    private Task<List<AuditEntry>> TrainingRequestsAfterAsync(long id) =>
        QueryAsync(factory, db => db.AuditEntries.AsNoTracking().Where(e => e.Id > id && e.Action == AuditActions.ForecastTrainingRequested).ToListAsync());

    private static string Share(double? value) => value?.ToString("P0", Swedish) ?? "–";

    [Fact]
    public async Task The_admin_sees_the_current_version_with_its_scores_and_calibration_and_small_counts_hidden()
    {
        var (version, evaluation) = await TrainAsync();

        var page = await factory.AdminClient().PageAsync(Address);

        page.QuerySelector("h1")!.Text().ShouldBe("Prognosmodell");
        page.GetElementById("version-title")!.Text().ShouldBe($"Version {version.Version}");
        var facts = page.QuerySelectorAll("dl.notes dt").ToDictionary(dt => dt.Text(), dt => dt.NextElementSibling!.Text());
        facts["Tränad"].ShouldBe(Core.Events.Quarter.ToStockholm(version.TrainedAtUtc).ToString("g", Swedish));
        facts["Evenemang med känd närvaro"].ShouldBe($"{evaluation.TrainEvents} att träna på, {evaluation.TestEvents} att testa på (de senaste)");
        facts["Anmälningar"].ShouldBe($"{Count(evaluation.TrainRows, evaluation)} att träna på, {Count(evaluation.TestRows, evaluation)} att testa på");
        facts["Prognoserna bygger på"].ShouldBe(version.UsesModel ? "Modellen" : "Andelen som kom per sektor (basnivåerna)");
        page.GetElementById("reason")!.Text().ShouldStartWith(version.UsesModel ? "Modellen var bättre än basnivåerna" : "Modellen var inte tydligt bättre");

        // The sample has enough history to test on, so both are scored.
        var scores = page.GetElementById("scores").ShouldNotBeNull().Rows();
        scores["Modellen"].ShouldBe([evaluation.Model!.Auc.ToString("0.000", Swedish), evaluation.Model.Brier.ToString("0.000", Swedish)]);
        scores["Basnivåerna per sektor"].ShouldBe([evaluation.Baseline!.Auc.ToString("0.000", Swedish), evaluation.Baseline.Brier.ToString("0.000", Swedish)]);

        var calibration = page.GetElementById("calibration").ShouldNotBeNull().QuerySelectorAll("tbody tr")
            .Select(tr => tr.QuerySelectorAll("td").Select(td => td.Text()).ToList()).ToList();
        calibration.Count.ShouldBe(10);
        for (var i = 0; i < 10; i++)
        {
            var bin = evaluation.Calibration[i];
            calibration[i].ShouldBe([Count(bin.Count, evaluation), Share(bin.MeanPredicted), Share(bin.Observed)]);
            // A bin of 1..4 registrations reads "<5" and shows no shares: they would tell whether those few came.
            calibration[i][0].ShouldNotBeOneOf("1", "2", "3", "4");
        }
        page.Section("retrain-title").QuerySelector("form[method='post'] button")!.Text().ShouldBe("Träna om nu");

        var english = await factory.AdminClient().PageAsync(Address + "?culture=en-GB");
        english.QuerySelector("h1")!.Text().ShouldBe("Forecast model");
        english.Section("retrain-title").QuerySelector("form[method='post'] button")!.Text().ShouldBe("Retrain now");
    }

    private static string Count(int? count, ProtectedEvaluation _) => count?.ToString("N0", Swedish) ?? "<5";

    [Fact]
    public async Task Retrain_now_queues_the_training_job_writes_the_audit_entry_and_confirms()
    {
        await TrainAsync();
        var client = factory.AdminClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var lastAudit = await LastAuditAsync();
        var versions = await QueryAsync(factory, db => db.ForecastModels.CountAsync());

        var posted = await RetrainAsync(client);

        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var confirmation = await client.PageAsync(posted.Headers.Location!.ToString());
        confirmation.QuerySelector("p.notice[role='status']")!.Text()
            .ShouldBe("Träningen är lagd i kön. Den nya versionen visas här när jobbet är klart: ladda om sidan om en stund.");

        var audit = (await TrainingRequestsAfterAsync(lastAudit)).ShouldHaveSingleItem();
        var adminId = await QueryAsync(factory, db => db.Users.Where(u => u.Email == AnalyticsWebFactory.Email(TestAccount.Admin)).Select(u => u.Id).SingleAsync());
        (audit.Actor, audit.Subject).ShouldBe((adminId.ToString(), "forecast"));
        audit.Detail.ShouldStartWith("job=");

        // The job the audit entry names is the training job, in the job store; the app's own job server runs it.
        var jobId = audit.Detail!["job=".Length..];
        var storage = factory.Services.GetRequiredService<JobStorage>();
        using (var connection = storage.GetConnection())
        {
            var job = connection.GetJobData(jobId).ShouldNotBeNull();
            (job.Job.Type, job.Job.Method.Name).ShouldBe((typeof(TrainForecastJob), nameof(TrainForecastJob.RunAsync)));
        }
        var deadline = DateTime.UtcNow.AddSeconds(60);
        string? state;
        do
        {
            using var connection = storage.GetConnection();
            state = connection.GetStateData(jobId)?.Name;
            if (state == SucceededState.StateName || state == FailedState.StateName) break;
            await Task.Delay(100);
        } while (DateTime.UtcNow < deadline);
        state.ShouldBe(SucceededState.StateName);
        (await QueryAsync(factory, db => db.ForecastModels.CountAsync())).ShouldBe(versions + 1);
    }

    [Theory]
    [InlineData(TestAccount.OrganiserA, HttpStatusCode.Forbidden)]
    [InlineData(TestAccount.Steering, HttpStatusCode.Forbidden)]
    [InlineData(TestAccount.Anonymous, HttpStatusCode.Redirect)]
    public async Task Other_roles_cannot_retrain(TestAccount account, HttpStatusCode status)
    {
        var client = factory.Client(account, new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var lastAudit = await LastAuditAsync();

        // A valid token from a page the account may open: the refusal is the role's, not the form's.
        var posted = await RetrainAsync(client, account == TestAccount.Anonymous ? "/konto/logga-in" : "/oppna-data");

        posted.StatusCode.ShouldBe(status);
        if (status == HttpStatusCode.Redirect) posted.Headers.Location!.AbsolutePath.ShouldBe("/konto/logga-in");
        (await TrainingRequestsAfterAsync(lastAudit)).ShouldBeEmpty();
    }
}
