using Analytics.Core.Localisation;
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

    public ProtectedReport Protect(ReportFigures figures) => Protect(figures, MethodText.Report(K));

    private ProtectedReport Protect(ReportFigures figures, string method)
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
            period ? figures.Events : null, period ? figures.EventsWithAttendance : null, participants, dimensions, subsets, reach, balance)
        {
            Method = method,
        };
    }

    /// <summary>
    /// Protects figures for public outputs (open data, published reports): every tally's count and persons are first
    /// perturbed by the cell-key method, and so is every headcount; then they are protected as
    /// <see cref="Protect(ReportFigures)"/> does.
    /// </summary>
    public ProtectedReport ProtectPublic(ReportFigures figures) => Protect(PerturbedFigures.Of(figures, Rolled), MethodText.OpenData(K));

    /// <summary>
    /// Protects a turnout forecast: expected counts of 1..k−1 are hidden, and a sector is shown only where at least k of
    /// its people registered (see <see cref="ProtectedForecast"/>).
    /// </summary>
    public ProtectedForecast Protect(Forecasts.ForecastFigures figures) => ProtectedForecast.Of(figures, K, Count);

    /// <summary>Protects a forecast version's evaluation: calibration bins of 1..k−1 predictions show no numbers.</summary>
    public ProtectedEvaluation Protect(Forecasts.ForecastEvaluation evaluation) => ProtectedEvaluation.Of(evaluation, Count, K);

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
            return new ProtectedBreakdown(0, null, null, null, [], false, CoreMessages.Say("Inga personer med profil i urvalet."));
        if (persons < K)
            return Withheld(CoreMessages.Say("Fördelningen visas inte: färre än {0} personer har delat sin profil.", K));

        var suppressed = tallies.Select(t => t.Persons < K || RevealsTheRest(t, wholePersons)).ToArray();
        var primary = suppressed.Count(s => s);
        var secondary = 0;
        // The suppressed cells together must cover at least k persons, or they could be recovered from the total; and a
        // lone suppressed cell is the total minus the others whatever its size.
        while (primary + secondary > 0 && (SuppressedPersons(tallies, suppressed) < K || primary + secondary == 1))
        {
            var next = Enumerable.Range(0, tallies.Count).Where(i => !suppressed[i]).OrderBy(i => tallies[i].Persons).ThenByDescending(i => i)
                .DefaultIfEmpty(-1).First();
            if (next < 0) return Withheld(CoreMessages.Say("Fördelningen visas inte: varje kategori skulle behöva döljas (färre än {0} personer).", K));
            suppressed[next] = true;
            secondary++;
        }
        if (suppressed.All(s => s))
            return Withheld(secondary > 0
                ? CoreMessages.Say("Fördelningen visas inte: varje kategori skulle behöva döljas (färre än {0} personer).", K)
                : CoreMessages.Say("Fördelningen visas inte: varje kategori har färre än {0} personer.", K));

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
            notes.Add(CoreMessages.Say("Återkommande deltagare visas som <{0} när de är färre än {0}.", K));
        if (!indicesShown)
            notes.Add(CoreMessages.Say("E-I-index visas först när minst {0} personer har delat sin profil.", DisclosureOptions.MinimumForIndices));
        return new ProtectedReach(reach.Organisations, reach.Sectors, reach.Municipalities, reach.NewOrganisations, returning,
            Round(reach.ShareOfCrossSectorEvents, 3), Round(reach.ShareOfCoHostedEvents, 3),
            new ProtectedTieNetwork(reach.Ties.Ties, Math.Round(reach.Ties.TotalWeight, 3), indicesShown ? Round(reach.Ties.EiIndex, 3) : null),
            notes.Count == 0 ? CoreMessages.Say("Antal organisationer, sektorer och kommuner räknar kategorier, inte personer, och visas som de är.") : string.Join(" ", notes));
    }

    /// <summary>
    /// Protects the tie network for its picture, by rule 3 as the organisation breakdown applies it: an organisation is a
    /// node by name only with at least k of its people in scope, and the others of a sector are one node. Ties between
    /// the same two nodes add up their weights; a tie within a merged node joins nobody who is shown and is left out.
    /// Nodes carry no headcount and ties only Newman weights, which count organisations at events, never persons. Like
    /// the E-I index that sums it up, the picture needs the minimum for indices, and at least k people behind it.
    /// </summary>
    public ProtectedTieGraph Protect(TieGraphFigures graph, int withProfile)
    {
        if (withProfile < DisclosureOptions.MinimumForIndices)
            return new ProtectedTieGraph([], [], true,
                CoreMessages.Say("Nätverket visas först när minst {0} personer har delat sin profil.", DisclosureOptions.MinimumForIndices));
        if (graph.Organisations.Sum(o => o.Persons) is > 0 and var persons && persons < K)
            return new ProtectedTieGraph([], [], true, CoreMessages.Say("Nätverket visas inte: färre än {0} personer finns bakom det.", K));

        var nodeOf = graph.Organisations.ToDictionary(o => o.Code, o => Named(o)
            ? new ProtectedTieNode(o.Code, o.Label, o.Group, SectorName(o.Group, o.GroupLabel), false)
            : new ProtectedTieNode(OthersCode(o.Group!), OthersWithin(o.Group!, o.GroupLabel), o.Group, SectorName(o.Group, o.GroupLabel), true));
        var between = graph.Ties.Where(t => nodeOf.ContainsKey(t.First) && nodeOf.ContainsKey(t.Second))
            .Select(t => (Nodes: Pair(nodeOf[t.First].Code, nodeOf[t.Second].Code), t.Weight))
            .ToList();
        var ties = between.Where(t => t.Nodes.First != t.Nodes.Second)
            .GroupBy(t => t.Nodes)
            .Select(g => new ProtectedTie(g.Key.First, g.Key.Second, Math.Round(g.Sum(t => t.Weight), 3)))
            .OrderByDescending(t => t.Weight).ThenBy(t => t.First, StringComparer.Ordinal).ThenBy(t => t.Second, StringComparer.Ordinal)
            .ToList();
        var tied = ties.SelectMany(t => new[] { t.First, t.Second }).ToHashSet(StringComparer.Ordinal);
        var nodes = nodeOf.Values.Where(n => tied.Contains(n.Code)).Distinct()
            .OrderBy(n => Taxonomy.Order(Taxonomy.Sectors, n.Sector)).ThenBy(n => n.Merged).ThenBy(n => n.Label, StringComparer.Ordinal)
            .ToList();

        var notes = new List<string>
        {
            CoreMessages.Say("Organisationer med färre än {0} personer i urvalet visas inte med namn utan som en nod per sektor.", K),
            CoreMessages.Say("Vikten är Newmans samarbetsvikt: varje evenemang med n organisationer ger varje par av dem 1/(n − 1). Den räknar organisationer, inte personer."),
        };
        if (between.Any(t => t.Nodes.First == t.Nodes.Second))
            notes.Add(CoreMessages.Say("Band mellan organisationer som ingår i samma sammanslagna nod visas inte."));
        return new ProtectedTieGraph(nodes, ties, false, string.Join(" ", notes));

        static (string First, string Second) Pair(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);
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
                $"{CoreMessages.Say("Jämförelsen med målen visas inte eftersom fördelningen inte visas.")} {breakdown?.Note}".TrimEnd());

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
            notes.Add(CoreMessages.Say("Andelar, intervall och avstånd till målen visas först när minst {0} personer har delat sin profil.", DisclosureOptions.MinimumForIndices));
        else if (suppressed > 0)
        {
            notes.Add(suppressed == 1
                ? CoreMessages.Say("1 kategori visas som <{0} utan andel och avstånd till målet.", K)
                : CoreMessages.Say("{0} kategorier visas som <{1} utan andel och avstånd till målet.", suppressed, K));
            notes.Add(CoreMessages.Say("Olikhetsindex D visas inte, eftersom de dolda andelarna annars skulle kunna räknas fram ur det."));
        }
        else
            notes.Add(CoreMessages.Say("Andelar med 95 % Wilson-intervall; avstånd = andel − mål; kvot = andel / mål; D = ½ Σ |andel − mål|."));
        if (balance.IsExample)
            notes.Add(CoreMessages.Say("Målen är exempel, inte beslutade mål."));
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
        var named = tallies.Where(Named);
        var rolled = tallies.Where(t => !Named(t))
            .GroupBy(t => (t.Group!, t.GroupLabel))
            .Select(g => new Tally(OthersCode(g.Key.Item1), OthersWithin(g.Key.Item1, g.Key.GroupLabel),
                g.Sum(t => t.Count), g.Sum(t => t.Persons), KeySum: g.Aggregate(0.0, (sum, t) => CellKey.Combine(sum, t.KeySum))));
        return [.. named, .. rolled];
    }

    /// <summary>Rule 3: an organisation is named with at least k persons in scope; one without a sector cannot roll up.</summary>
    private bool Named(Tally organisation) => organisation.Persons >= K || organisation.Group is null;

    private static string OthersCode(string sector) => $"ovriga:{sector}";

    /// <summary>A sector's name in the reader's language, or the label the figures carry for a sector the taxonomy lacks.</summary>
    private static string SectorName(string? sector, string? sectorLabel) =>
        Taxonomy.Find(Taxonomy.Sectors, sector)?.Name(Sentences.English) ?? sectorLabel ?? sector ?? "–";

    /// <summary>The label of the roll-up of a sector's small organisations, with the sector named in the reader's language.</summary>
    public static string OthersWithin(string sector, string? sectorLabel)
    {
        var name = SectorName(sector, sectorLabel);
        return CoreMessages.Say("Övriga organisationer inom {0}", Sentences.English ? name : name.ToLowerInvariant());
    }

    private string Note(int primary, int secondary, bool indicesShown)
    {
        var parts = new List<string>();
        if (primary > 0)
            parts.Add(primary == 1
                ? CoreMessages.Say("1 kategori med färre än {0} personer visas som <{0}.", K)
                : CoreMessages.Say("{0} kategorier med färre än {1} personer visas som <{1}.", primary, K));
        if (secondary > 0)
            parts.Add(secondary == 1
                ? CoreMessages.Say("1 kategori till har dolts så att de dolda inte kan räknas fram ur totalen.")
                : CoreMessages.Say("{0} kategorier till har dolts så att de dolda inte kan räknas fram ur totalen.", secondary));
        if (!indicesShown)
            parts.Add(CoreMessages.Say("Mångfaldsmått visas först när minst {0} personer har delat sin profil.", DisclosureOptions.MinimumForIndices));
        else if (primary > 0)
            parts.Add(CoreMessages.Say("Mångfaldsmåtten räknar de dolda kategorierna som en."));
        return parts.Count == 0 ? CoreMessages.Say("Inga värden behövde döljas (tröskel {0} personer).", K) : string.Join(" ", parts);
    }
}
