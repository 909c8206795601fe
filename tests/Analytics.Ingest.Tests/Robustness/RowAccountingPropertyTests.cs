using Analytics.Testing;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Ingest.Tests.Robustness;

/// <summary>For any file, rows read = accepted + rejected, and the rejected ones are exactly the rows that were wrong.</summary>
public class RowAccountingPropertyTests
{
    private const int Files = 80;

    private static readonly string[] Events =
        [SampleData.FirstMeeting, "2025-10-09-forstudie-ett-team-i-vast", "2026-10-08-workshop-invanarresan", "2026-12-15-digital-julfika"];

    [Theory, DatabaseProviders]
    public async Task Every_row_of_any_file_is_read_and_either_accepted_or_rejected_with_its_row_number(string provider)
    {
        await using var database = await SampleDatabase.CreateAsync(provider, Events);
        var random = new Random(3);
        var reasons = new List<RowProblem>();

        for (var i = 0; i < Files; i++)
        {
            var file = GeneratedFile.Draw(random, i);
            var counts = await database.CountsAsync();

            var result = await database.ImportAsync(Events[i % Events.Length], file.FileName, file.Content);

            if (file.Rows == 0)
            {
                result.Refusal.ShouldNotBeNull(file.Description);
                (await database.CountsAsync()).ShouldBe(counts, file.Description);
                continue;
            }
            result.Refusal.ShouldBeNull(file.Description);
            (result.RowsRead, result.RowsAccepted + result.RowsRejected).ShouldBe((file.Rows, file.Rows), file.Description);
            result.Errors.Select(e => e.Row).ShouldBe(file.RejectedRows, file.Description);
            reasons.AddRange(result.Errors);
            var batch = await database.QueryAsync(db => db.ImportBatches.Include(b => b.Errors).AsNoTracking().SingleAsync(b => b.Id == result.BatchId));
            (batch.RowsRead, batch.RowsAccepted, batch.RowsRejected).ShouldBe((result.RowsRead, result.RowsAccepted, result.RowsRejected), file.Description);
            batch.Errors.Select(e => e.RowNumber).Order().ToList().ShouldBe(file.RejectedRows, file.Description);
            (await database.QueryAsync(db => db.Participations.CountAsync(p => p.ImportBatchId == batch.Id))).ShouldBe(result.RowsAccepted, file.Description);
        }

        // The files exercised every way a row can be wrong.
        foreach (var column in new[] { "RSVP", "Guests", "RSVPed on", "ID", "organisation" })
            reasons.ShouldContain(e => e.Column == column, column);
        foreach (var reason in new[] { "personnummer", "kolumner men rubrikraden", "Samma person", "längre än 200 tecken", "kontrollsiffra" })
            reasons.ShouldContain(e => e.Reason.Contains(reason), reason);
    }
}
