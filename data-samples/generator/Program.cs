using Analytics.SampleData;

var outputDirectory = args.Length > 0 ? Path.GetFullPath(args[0]) : FindSampleFolder();

// One seeded generator, drawn from in a fixed order, is what makes every run produce the same bytes.
var random = new Random(2026);
var pool = People.CreatePool(random);
var lists = Catalogue.Events.Select(e => (Event: e, Rows: Registrations.Simulate(random, e, pool))).ToList();
Registrations.TopUpRareVariants(random, lists);
Registrations.SetJoinDates(random, lists);

var meetupDirectory = Path.Combine(outputDirectory, "meetup");
var formsDirectory = Path.Combine(outputDirectory, "forms");
foreach (var directory in new[] { meetupDirectory, formsDirectory })
{
    Directory.CreateDirectory(directory);
    // A renamed event must not leave its old list behind.
    foreach (var stale in Directory.EnumerateFiles(directory).Where(f => Path.GetExtension(f) is ".tsv" or ".csv" or ".xlsx"))
        File.Delete(stale);
}

CatalogueWriter.WriteOrganisations(Path.Combine(outputDirectory, "organisations.csv"));
CatalogueWriter.WriteEvents(Path.Combine(outputDirectory, "events.csv"));
CatalogueWriter.WriteTargets(Path.Combine(outputDirectory, "targets.example.csv"));
MappingWriter.Write(Path.Combine(outputDirectory, "mapping.json"));
foreach (var (e, rows) in lists)
{
    if (e.List == AttendeeList.Forms)
        FormsWriter.Write(Path.Combine(formsDirectory, FormsWriter.FileName(e)), rows);
    else
        MeetupWriter.Write(Path.Combine(meetupDirectory, MeetupWriter.FileName(e)), e, rows);
}
ReadmeWriter.Write(Path.Combine(outputDirectory, "README.md"), lists);

foreach (var organisation in Catalogue.Organisations.Where(o => o.OrganisationNumber is { } n && !Catalogue.HasValidCheckDigit(n)))
    Console.Error.WriteLine($"Left out organisationsnummer {organisation.OrganisationNumber} of {organisation.Name}: the check digit fails.");
Console.WriteLine($"Wrote {lists.Count} events and {lists.Sum(l => l.Rows.Count)} participation rows to {outputDirectory}");

// Walks up from the build output to the data-samples folder that holds this project.
static string FindSampleFolder()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "generator", "Analytics.SampleData.csproj")))
            return directory.FullName;
    }
    throw new DirectoryNotFoundException("No data-samples folder above the build output; pass the output folder as the first argument.");
}
