using Analytics.Testing;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Ingest.Tests.Robustness;

/// <summary>
/// Sample files corrupted at random (with a fixed seed) are each imported through <see cref="ImportService"/>. Whatever
/// the damage, the import either refuses the file with a sentence or imports it with row errors: it never throws, and
/// it never leaves the database half-written.
/// </summary>
public class MutationTests
{
    private static IEnumerable<Mutant> Mutants()
    {
        var random = new Random(26);
        string[] samples =
        [
            SampleData.File("meetup", "2025-10-09-forstudie-ett-team-i-vast.tsv"),
            SampleData.FirstMeetingFile,
            SampleData.File("meetup", "2026-04-16-ai-i-offentlig-forvaltning.tsv"),
            .. SampleDatabase.FormsExports,
        ];
        // The other formats come from the fixtures written by the tests (Meetup and Forms are covered by the samples).
        var others = FixtureFiles.All.Where(f => f.Kind is not ("meetup" or "forms"));
        return samples.SelectMany(s => Mutant.Of(s, random))
            .Concat(Mutant.OfWorkbookSavedFrom(SampleData.File("meetup", "2026-04-22-traff-alingsas.tsv"), random))
            .Concat(others.SelectMany(f => Mutant.Of(f, random)));
    }

    [Fact]
    public void There_are_at_least_150_mutants_and_no_two_alike()
    {
        var mutants = Mutants().ToList();

        mutants.Count.ShouldBeGreaterThanOrEqualTo(150);
        mutants.GroupBy(m => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(m.Content)))
            .Where(g => g.Count() > 1).Select(g => string.Join(" = ", g.Select(m => m.Name))).ShouldBeEmpty();
    }

    [Theory, DatabaseProviders]
    public async Task A_corrupted_file_is_refused_with_a_sentence_or_imported_with_every_row_accounted_for_and_never_half_written(string provider)
    {
        await using var database = await SampleDatabase.CreateAsync(provider);
        await database.AddFixtureEventAsync();
        var problems = new List<string>();
        var (refused, imported) = (0, 0);

        foreach (var mutant in Mutants())
        {
            var before = await database.CountsAsync();
            ImportResult result;
            try
            {
                result = await database.ImportAsync(mutant.Slug, mutant.FileName, mutant.Content);
            }
            // Caught here, whatever it is, so that one run lists every mutant that throws.
            catch (Exception e)
            {
                problems.Add($"{mutant.Name} threw {e.GetType().Name}: {e.InnerException?.Message ?? e.Message} {e.StackTrace?.Split('\n').FirstOrDefault()?.Trim()}");
                if (!(await database.CountsAsync()).SequenceEqual(before)) problems.Add($"{mutant.Name} left the database changed after throwing");
                continue;
            }

            if (result.Refusal is not null)
            {
                refused++;
                if (!result.Refusal.Contains($"”{mutant.FileName}”", StringComparison.Ordinal)) problems.Add($"{mutant.Name} was refused without naming the file: {result.Refusal}");
                if (!(await database.CountsAsync()).SequenceEqual(before)) problems.Add($"{mutant.Name} was refused but changed the database");
                continue;
            }
            imported++;
            var batch = await database.QueryAsync(db => db.ImportBatches.Include(b => b.Errors).AsNoTracking().SingleAsync(b => b.Id == result.BatchId));
            var accepted = await database.QueryAsync(db => db.Participations.CountAsync(p => p.ImportBatchId == batch.Id));
            if (batch.RowsRead != batch.RowsAccepted + batch.RowsRejected || batch.Errors.Count != batch.RowsRejected
                || accepted != batch.RowsAccepted || (result.RowsRead, result.RowsAccepted, result.RowsRejected) != (batch.RowsRead, batch.RowsAccepted, batch.RowsRejected))
                problems.Add($"{mutant.Name}: read {batch.RowsRead}, accepted {batch.RowsAccepted} ({accepted} stored), rejected {batch.RowsRejected} ({batch.Errors.Count} errors)");
        }

        problems.ShouldBeEmpty(string.Join(Environment.NewLine, problems));
        refused.ShouldBeGreaterThan(20);
        imported.ShouldBeGreaterThan(20);
    }
}
