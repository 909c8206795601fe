using Analytics.Core.Metrics;
using Analytics.Core.Reports;
using Analytics.Core.Taxonomies;

namespace Analytics.Core.Disclosure;

/// <summary>
/// The one way out of the system for figures. Applies the threshold k, complementary suppression within each breakdown,
/// the roll-up of small organisations into their sector, and the minimum group size for diversity indices.
/// </summary>
public sealed class DisclosureControl
{
    public DisclosureControl(DisclosureOptions options)
    {
        if (options.Validate() is { } problem) throw new ArgumentException(problem, nameof(options));
        K = options.K;
    }

    public int K { get; }

    public ProtectedReport Protect(ReportFigures figures)
    {
        var participants = new ProtectedParticipants(Count(figures.Registered), figures.Attended is { } a ? Count(a) : null,
            Count(figures.WithProfile))
        { AttendanceUnknown = figures.Attended is null };

        var dimensions = figures.Breakdowns.ToDictionary(b => b.Dimension, b => Protect(b, figures.WithProfile));
        var subsets = figures.Subsets.ToDictionary(s => s.Name, s => new ProtectedSubset(Count(s.Counted), Count(s.WithProfile),
            s.Breakdowns.ToDictionary(b => b.Dimension, b => Protect(b, s.WithProfile, figures.Find(b.Dimension)))));
        var balance = figures.Balance.ToDictionary(b => b.Dimension, b => Protect(b, dimensions.GetValueOrDefault(b.Dimension), figures.WithProfile));
        var reach = figures.Reach is { } r ? Protect(r, figures.WithProfile) : null;
        var period = figures.Scope.Kind != ReportScope.EventKind;
        return new ProtectedReport(new ProtectedScope(figures.Scope.Kind, figures.Scope.Key), K,
            period ? figures.Events : null, period ? figures.EventsWithAttendance : null, participants, dimensions, subsets, reach, balance);
    }

    /// <summary>
    /// Protects figures for public outputs (open data, published reports): every tally's count and persons are first
    /// perturbed by the cell-key method, then protected as <see cref="Protect(ReportFigures)"/> does. Headcounts carry no
    /// cell key in the figures and pass the threshold only.
    /// </summary>
    public ProtectedReport ProtectPublic(ReportFigures figures) => Protect(PerturbedFigures.Of(figures, Rolled));

    /// <summary>A headcount: zero is shown, 1..k−1 is not.</summary>
    public int? Count(int count) => count is > 0 and var c && c < K ? null : count;

    /// <summary>
    /// Protects one breakdown. A breakdown of a part of the people (the audience, the speakers) is shown beside the
    /// breakdown of all of them, so a cell is also suppressed where the difference between the two would be 1..k−1:
    /// otherwise "all minus audience" would name the few speakers of a sector.
    /// </summary>
    public ProtectedBreakdown Protect(Breakdown breakdown, int withProfile, Breakdown? whole = null)
    {
        var tallies = Rolled(breakdown);
        var wholePersons = whole is null ? null : Rolled(whole).GroupBy(t => t.Code).ToDictionary(g => g.Key, g => g.Sum(t => t.Persons));
        tallies = tallies.Where(t => t.Count > 0).OrderByDescending(t => t.Count).ThenBy(t => t.Label, StringComparer.Ordinal).ToList();
        var total = tallies.Sum(t => t.Count);
        var persons = tallies.Sum(t => t.Persons);

        if (total == 0)
            return new ProtectedBreakdown(0, null, null, null, [], false, "Inga personer med profil i urvalet.");
        if (persons < K)
            return Withheld($"Fördelningen visas inte: färre än {K} personer har delat sin profil.");

        var suppressed = tallies.Select(t => t.Persons < K || RevealsTheRest(t, wholePersons)).ToArray();
        var primary = suppressed.Count(s => s);
        var secondary = 0;
        // The suppressed cells together must cover at least k persons, or they could be recovered from the total; and a
        // lone suppressed cell is the total minus the others whatever its size.
        while (primary + secondary > 0 && (SuppressedPersons(tallies, suppressed) < K || primary + secondary == 1))
        {
            var next = Enumerable.Range(0, tallies.Count).Where(i => !suppressed[i]).OrderBy(i => tallies[i].Persons).ThenByDescending(i => i)
                .DefaultIfEmpty(-1).First();
            if (next < 0) return Withheld($"Fördelningen visas inte: varje kategori skulle behöva döljas (färre än {K} personer).");
            suppressed[next] = true;
            secondary++;
        }
        if (suppressed.All(s => s))
            return Withheld(secondary > 0
                ? $"Fördelningen visas inte: varje kategori skulle behöva döljas (färre än {K} personer)."
                : $"Fördelningen visas inte: varje kategori har färre än {K} personer.");

        // Suppressed cells go last, in label order: a place among the others would hint at their size.
        var cells = tallies.Select((t, i) => suppressed[i]
                ? new ProtectedCell(t.Code, t.Label, null, null, true)
                : new ProtectedCell(t.Code, t.Label, t.Count, Math.Round((double)t.Count / total, 3), false))
            .OrderBy(c => c.Suppressed).ThenBy(c => c.Suppressed ? c.Label : "", StringComparer.Ordinal).ToList();

        // The indices see the suppressed cells as one category; with each on its own they would give away the split.
        var counts = tallies.Where((_, i) => !suppressed[i]).Select(t => t.Count)
            .Append(SuppressedCount(tallies, suppressed)).ToArray();
        var indicesShown = withProfile >= DisclosureOptions.MinimumForIndices;
        return new ProtectedBreakdown(total,
            indicesShown ? Math.Round(Diversity.EffectiveNumber(counts), 2) : null,
            indicesShown && Diversity.Blau(counts) is { } blau ? Math.Round(blau, 3) : null,
            indicesShown && Diversity.Evenness(counts) is { } even ? Math.Round(even, 3) : null,
            cells, false, Note(primary, secondary, indicesShown));
    }

    /// <summary>
    /// Protects reach. The distinct organisations, sectors and municipalities, and the new organisations, count categories,
    /// not people: "7 organisations" says nothing about how many came from each, and naming them is what rule 3 guards.
    /// So they are shown as they are, like the shares of events. Returning attendees are people, so that count passes
    /// the threshold. The E-I index is a diversity index and follows the minimum for indices.
    /// </summary>
    public ProtectedReach Protect(ReachFigures reach, int withProfile)
    {
        var indicesShown = withProfile >= DisclosureOptions.MinimumForIndices;
        var returning = Count(reach.ReturningAttendees);
        var notes = new List<string>();
        if (returning is null)
            notes.Add($"Återkommande deltagare visas som <{K} när de är färre än {K}.");
        if (!indicesShown)
            notes.Add($"E-I-index visas först när minst {DisclosureOptions.MinimumForIndices} personer har delat sin profil.");
        return new ProtectedReach(reach.Organisations, reach.Sectors, reach.Municipalities, reach.NewOrganisations, returning,
            Round(reach.ShareOfCrossSectorEvents, 3), Round(reach.ShareOfCoHostedEvents, 3),
            new ProtectedTieNetwork(reach.Ties.Ties, Math.Round(reach.Ties.TotalWeight, 3), indicesShown ? Round(reach.Ties.EiIndex, 3) : null),
            notes.Count == 0 ? "Antal organisationer, sektorer och kommuner räknar kategorier, inte personer, och visas som de är." : string.Join(" ", notes));
    }

    /// <summary>
    /// Compares one dimension with its target mix, cell by cell as the dimension's protected breakdown shows it: a
    /// suppressed cell keeps only its target. Shares, intervals, gaps and D need the minimum for indices, and D is
    /// withheld when any cell is suppressed, since D and the shown gaps would give the hidden shares away.
    /// </summary>
    public ProtectedBalance Protect(BalanceFigures balance, ProtectedBreakdown? breakdown, int withProfile)
    {
        if (breakdown is null || breakdown.Withheld)
            return new ProtectedBalance(null, balance.IsExample, [], true,
                $"Jämförelsen med målen visas inte eftersom fördelningen inte visas. {breakdown?.Note}".TrimEnd());

        var shown = breakdown.Cells.ToDictionary(c => c.Code);
        var indicesShown = withProfile >= DisclosureOptions.MinimumForIndices && balance.Total > 0;
        var cells = balance.Categories.Select(c =>
        {
            // A category nobody came from is not in the breakdown; zero is shown, like any zero headcount.
            if (c.Count > 0 && (!shown.TryGetValue(c.Code, out var cell) || cell.Suppressed))
                return new ProtectedBalanceCell(c.Code, c.Label, null, null, null, null, c.Target, null, null, true);
            if (!indicesShown)
                return new ProtectedBalanceCell(c.Code, c.Label, c.Count, null, null, null, c.Target, null, null, false);
            var share = (double)c.Count / balance.Total;
            var (low, high) = Wilson.Interval(c.Count, balance.Total)!.Value;
            return new ProtectedBalanceCell(c.Code, c.Label, c.Count, Math.Round(share, 3), Math.Round(low, 3), Math.Round(high, 3),
                c.Target, Math.Round(TargetGap.Gap(share, c.Target), 3), Round(TargetGap.RepresentationRatio(share, c.Target), 2), false);
        }).ToList();

        var suppressed = cells.Count(c => c.Suppressed);
        var dissimilarity = indicesShown && suppressed == 0
            ? Round(TargetGap.Dissimilarity(
                balance.Categories.ToDictionary(c => c.Code, c => (double)c.Count / balance.Total),
                balance.Categories.ToDictionary(c => c.Code, c => c.Target)), 3)
            : null;

        var notes = new List<string>();
        if (!indicesShown)
            notes.Add($"Andelar, intervall och avstånd till målen visas först när minst {DisclosureOptions.MinimumForIndices} personer har delat sin profil.");
        else if (suppressed > 0)
            notes.Add($"{suppressed} {(suppressed == 1 ? "kategori" : "kategorier")} visas som <{K} utan andel och avstånd till målet. " +
                      "Olikhetsindex D visas inte, eftersom de dolda andelarna annars skulle kunna räknas fram ur det.");
        else
            notes.Add("Andelar med 95 % Wilson-intervall; avstånd = andel − mål; kvot = andel / mål; D = ½ Σ |andel − mål|.");
        if (balance.IsExample)
            notes.Add("Målen är exempel, inte beslutade mål.");
        return new ProtectedBalance(dissimilarity, balance.IsExample, cells, false, string.Join(" ", notes));
    }

    private static double? Round(double? value, int decimals) => value is { } v ? Math.Round(v, decimals) : null;

    private IReadOnlyList<Tally> Rolled(Breakdown breakdown) =>
        breakdown.Dimension == Dimension.Organisation.Code() ? RollUpSmallOrganisations(breakdown.Tallies) : breakdown.Tallies;

    /// <summary>True when the whole's cell minus this part's cell would be 1..k−1 people.</summary>
    private bool RevealsTheRest(Tally part, Dictionary<string, int>? wholePersons) =>
        wholePersons is not null && wholePersons.TryGetValue(part.Code, out var all) && Math.Abs(all - part.Persons) is > 0 and var rest && rest < K;

    private ProtectedBreakdown Withheld(string why) => new(null, null, null, null, [], true, why);

    private static int SuppressedPersons(IReadOnlyList<Tally> tallies, bool[] suppressed) =>
        tallies.Where((_, i) => suppressed[i]).Sum(t => t.Persons);

    private static int SuppressedCount(IReadOnlyList<Tally> tallies, bool[] suppressed) =>
        tallies.Where((_, i) => suppressed[i]).Sum(t => t.Count);

    /// <summary>Organisations are named only with at least k persons; the rest roll up into "Övriga organisationer inom sektor".</summary>
    private IReadOnlyList<Tally> RollUpSmallOrganisations(IReadOnlyList<Tally> tallies)
    {
        var named = tallies.Where(t => t.Persons >= K || t.Group is null);
        var rolled = tallies.Where(t => t.Persons < K && t.Group is not null)
            .GroupBy(t => (t.Group!, t.GroupLabel))
            .Select(g => new Tally($"ovriga:{g.Key.Item1}", $"Övriga organisationer inom {(g.Key.GroupLabel ?? g.Key.Item1).ToLowerInvariant()}",
                g.Sum(t => t.Count), g.Sum(t => t.Persons), KeySum: g.Aggregate(0.0, (sum, t) => CellKey.Combine(sum, t.KeySum))));
        return [.. named, .. rolled];
    }

    private string Note(int primary, int secondary, bool indicesShown)
    {
        var parts = new List<string>();
        if (primary > 0)
            parts.Add($"{primary} {(primary == 1 ? "kategori" : "kategorier")} med färre än {K} personer visas som <{K}.");
        if (secondary > 0)
            parts.Add($"{secondary} {(secondary == 1 ? "kategori till har" : "kategorier till har")} dolts så att de dolda inte kan räknas fram ur totalen.");
        if (!indicesShown)
            parts.Add($"Mångfaldsmått visas först när minst {DisclosureOptions.MinimumForIndices} personer har delat sin profil.");
        else if (primary > 0)
            parts.Add("Mångfaldsmåtten räknar de dolda kategorierna som en.");
        return parts.Count == 0 ? $"Inga värden behövde döljas (tröskel {K} personer)." : string.Join(" ", parts);
    }
}
