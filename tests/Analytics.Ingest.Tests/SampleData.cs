namespace Analytics.Ingest.Tests;

/// <summary>The repository's data-samples/ folder, found by walking up from the test binaries.</summary>
internal static class SampleData
{
    public const string FirstMeeting = "2026-03-23-forsta-motet";

    public static string Folder { get; } = Find();

    public static string FirstMeetingFile => File("meetup", $"{FirstMeeting}.csv");

    public static string Organisations => File("organisations.csv");

    public static string File(params string[] parts) => Path.Combine([Folder, .. parts]);

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "data-samples");
            if (System.IO.File.Exists(Path.Combine(candidate, "events.csv"))) return candidate;
        }
        throw new DirectoryNotFoundException("data-samples/events.csv not found above the test binaries.");
    }
}
