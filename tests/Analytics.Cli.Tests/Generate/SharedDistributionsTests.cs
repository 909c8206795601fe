using Analytics.Testing;
using static Analytics.SampleData.Distributions;
using static Analytics.SampleData.Taxonomy;

namespace Analytics.Cli.Tests.Generate;

/// <summary>
/// The sample generator and `analytics generate` draw from one copy of the tables, data-samples/generator/Distributions.cs
/// and Taxonomy.cs, compiled into both (and into these tests). These tests hold the tables to the committed sample, and
/// what `analytics generate` writes to the tables, so neither side can quietly grow its own numbers again.
/// </summary>
public sealed class SharedDistributionsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("analytics-generate-").FullName;

    [Fact]
    public void Event_shapes_summarise_the_events_of_the_sample()
    {
        var events = ReadTable(Path.Combine(SampleData.Folder, "events.csv"), ',');

        var formats = events.GroupBy(e => e["format"]).ToDictionary(g => g.Key, g => g.ToList());
        formats.Keys.Order().ShouldBe(EventShapes.Select(s => s.Format).Order());
        foreach (var shape in EventShapes)
        {
            var held = formats[shape.Format];
            held.Count.ShouldBe((int)shape.Weight, shape.Format);
            Math.Round(held.Count(e => e["online"] == "true") / (double)held.Count, 2).ShouldBe(shape.OnlineShare, shape.Format);
        }

        var startTimes = events.GroupBy(e => e["starts"][11..]).ToDictionary(g => g.Key, g => (double)g.Count());
        startTimes.ShouldBe(StartTimes.ToDictionary(t => t.Time, t => t.Weight), ignoreOrder: true);
        var hostCounts = events.GroupBy(e => e["hosts"].Split(';').Length).ToDictionary(g => g.Key, g => (double)g.Count());
        hostCounts.ShouldBe(HostCounts.ToDictionary(h => h.Count, h => h.Weight), ignoreOrder: true);
    }

    [Fact]
    public async Task Generated_lists_name_people_and_answer_from_the_shared_tables()
    {
        using var sandbox = new CliSandbox();
        await sandbox.SucceedsAsync("generate", "--out", _folder, "--participations", "3000");

        var rows = Directory.EnumerateFiles(Path.Combine(_folder, "meetup"))
            .SelectMany(file => ReadTable(file, file.EndsWith(".tsv", StringComparison.Ordinal) ? '\t' : ','))
            .ToList();
        rows.Count.ShouldBe(3000);

        // Every name is a first name of the table and either a last name of it or that name's initial ("Anna L.").
        var initials = LastNames.Select(n => $"{n[0]}.").ToHashSet();
        foreach (var name in rows.Select(r => r["Name"]).Distinct())
        {
            var (first, last) = (name[..name.IndexOf(' ', StringComparison.Ordinal)], name[(name.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
            FirstNames.ShouldContain(first, name);
            (LastNames.Contains(last) || initials.Contains(last)).ShouldBeTrue(name);
        }

        var sectorAnswers = SectorLabels.Values.Concat(SectorVariants.Values.SelectMany(v => v)).Append("").ToHashSet();
        var professionAnswers = ProfessionLabels.Values.Concat(ProfessionVariants.Values.SelectMany(v => v)).Append("").ToHashSet();
        rows.Select(r => r[QuestionSector]).Distinct().ShouldAllBe(a => sectorAnswers.Contains(a));
        rows.Select(r => r[QuestionProfession]).Distinct().ShouldAllBe(a => professionAnswers.Contains(a));
        rows.Select(r => r[QuestionRole]).Distinct().ShouldBeSubsetOf(["", RoleParticipant, RoleSpeaker, RoleOrganiser]);

        var notes = rows.Where(r => r.ContainsKey("Notes")).Select(r => r["Notes"]).Where(n => n.Length > 0).Distinct();
        notes.ShouldBeSubsetOf(NoteTexts);

        // Municipalities answered by name: a name from the taxonomy or one of its known variants.
        var municipalityAnswers = MunicipalityNames.Values.Concat(MunicipalityVariants.Values.SelectMany(v => v)).Append("").ToHashSet();
        rows.Select(r => r[QuestionMunicipality]).Distinct().ShouldAllBe(a => municipalityAnswers.Contains(a));

        File.ReadAllText(Path.Combine(_folder, "targets.example.csv"))
            .ShouldBe(File.ReadAllText(Path.Combine(SampleData.Folder, "targets.example.csv")));
    }

    /// <summary>A header line and its rows, each row by column name; quoted fields may hold the separator.</summary>
    private static List<Dictionary<string, string>> ReadTable(string path, char separator)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToList();
        var header = SmallCounts.Split(lines[0], separator);
        return [.. lines.Skip(1).Select(line => SmallCounts.Split(line, separator)
            .Select((value, i) => (Column: header[i], value)).ToDictionary(f => f.Column, f => f.value))];
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
