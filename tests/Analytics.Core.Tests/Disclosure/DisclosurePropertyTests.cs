using Analytics.Core.Disclosure;
using Analytics.Core.Reports;
using static Analytics.Core.Tests.Disclosure.Breakdowns;

namespace Analytics.Core.Tests.Disclosure;

/// <summary>
/// Many random breakdowns from a fixed seed, so a failure is reproducible: whatever the mix, a protected breakdown is
/// either withheld, or it shows no cell below k and its suppressed cells cannot be recovered from the total.
/// </summary>
public class DisclosurePropertyTests
{
    private const int Runs = 5000;
    private static readonly int[] Thresholds = [3, 4, 5, 6, 7, 10];
    private static readonly string[] SectorCodes = ["kommun", "region", "stat", "akademi"];

    [Fact]
    public void No_suppressed_sector_can_be_recovered_and_no_small_one_is_shown()
    {
        var random = new Random(20260323);
        var problems = new List<string>();
        for (var run = 0; run < Runs; run++)
        {
            var k = Thresholds[random.Next(Thresholds.Length)];
            var cells = Enumerable.Range(0, random.Next(1, 10)).Select(_ =>
            {
                var persons = SmallOrLarge(random, k);
                // Over several events people return: a count is at least the persons and may be more.
                return (Count: persons + (persons > 0 ? random.Next(0, persons + 1) : 0), Persons: persons);
            }).ToArray();
            var breakdown = SectorWithReturningPeople(cells);

            var result = new DisclosureControl(new DisclosureOptions { K = k }).Protect(breakdown, random.Next(0, 30));

            problems.AddRange(Unsafe(result, breakdown.Tallies.ToDictionary(t => t.Code, t => t.Persons), breakdown, k)
                .Select(p => $"run {run}, k = {k}, (count, persons) = [{string.Join(", ", cells)}]: {p}"));
        }
        problems.ShouldBeEmpty();
    }

    [Fact]
    public void No_small_organisation_is_named_and_no_suppressed_cell_can_be_recovered()
    {
        var random = new Random(17);
        var problems = new List<string>();
        for (var run = 0; run < Runs; run++)
        {
            var k = Thresholds[random.Next(Thresholds.Length)];
            var organisations = Enumerable.Range(0, random.Next(1, 13))
                .Select(i => ($"Organisation {i}", SectorCodes[random.Next(SectorCodes.Length)], SmallOrLarge(random, k)))
                .ToArray();
            var breakdown = ByOrganisation(organisations);

            var result = new DisclosureControl(new DisclosureOptions { K = k }).Protect(breakdown, random.Next(0, 30));

            var small = breakdown.Tallies.Where(t => t.Persons < k).ToList();
            var personsByCode = breakdown.Tallies.Where(t => t.Persons >= k).ToDictionary(t => t.Code, t => t.Persons);
            foreach (var group in small.GroupBy(t => t.Group!))
                personsByCode[$"ovriga:{group.Key}"] = group.Sum(t => t.Persons);

            var named = result.Cells.Where(c => small.Any(t => t.Label == c.Label)).Select(c => $"{c.Label} is named");
            problems.AddRange(named.Concat(Unsafe(result, personsByCode, breakdown, k))
                .Select(p => $"run {run}, k = {k}, organisations = [{string.Join(", ", organisations)}]: {p}"));
        }
        problems.ShouldBeEmpty();
    }

    /// <summary>Persons in one category: mostly around k, where suppression decides, sometimes well above.</summary>
    private static int SmallOrLarge(Random random, int k) => random.Next(4) == 0 ? random.Next(0, 40) : random.Next(0, k + 3);

    private static IEnumerable<string> Unsafe(ProtectedBreakdown result, IReadOnlyDictionary<string, int> personsByCode, Breakdown raw,
        int k)
    {
        if (result.Withheld)
        {
            if (result.Cells.Count > 0 || result.Total is not null || result.EffectiveNumber is not null)
                yield return "a withheld breakdown still shows figures";
            if (string.IsNullOrWhiteSpace(result.Note))
                yield return "a withheld breakdown does not say why";
            yield break;
        }

        if (result.Total != raw.Total)
            yield return $"the total is {result.Total}, not {raw.Total}";
        var shown = result.Cells.Where(c => !c.Suppressed).ToList();
        var suppressed = result.Cells.Where(c => c.Suppressed).ToList();

        foreach (var cell in shown.Where(c => personsByCode[c.Code] < k))
            yield return $"{cell.Code} is shown with {personsByCode[cell.Code]} persons";
        foreach (var cell in shown.Where(c => c.Count is null || c.Share is null))
            yield return $"{cell.Code} is shown without its count or share";
        foreach (var cell in suppressed.Where(c => c.Count is not null || c.Share is not null))
            yield return $"{cell.Code} is suppressed but has a count or share";

        var hiddenPersons = suppressed.Sum(c => personsByCode[c.Code]);
        if (hiddenPersons > 0 && hiddenPersons < k)
            yield return $"the suppressed cells hold only {hiddenPersons} persons";
        // A single suppressed cell is simply the total minus the shown ones.
        if (suppressed.Count == 1)
            yield return $"{suppressed[0].Code} is the only suppressed cell";
        if (suppressed.Count > 0 && personsByCode.Values.All(p => p == 0 || p >= k))
            yield return "cells were suppressed though none was below k";
    }
}
