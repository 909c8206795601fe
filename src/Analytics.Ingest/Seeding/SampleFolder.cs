namespace Analytics.Ingest.Seeding;

/// <summary>Finds data-samples/ from wherever the program was started: the working directory or the binary's folder.</summary>
public static class SampleFolder
{
    public static string? Locate()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "data-samples");
                if (File.Exists(Path.Combine(candidate, "events.csv"))) return candidate;
            }
        return null;
    }
}
