using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Analytics.EndToEnd.Site;

/// <summary>
/// Full-page screenshots, kept as test artifacts: in $ANALYTICS_SCREENSHOTS when set, otherwise in screenshots/ beside
/// the test assembly (tests/Analytics.EndToEnd/bin/&lt;Configuration&gt;/net10.0/screenshots).
/// </summary>
public static partial class Screenshots
{
    public static string Folder { get; } = Environment.GetEnvironmentVariable("ANALYTICS_SCREENSHOTS") is { Length: > 0 } chosen
        ? Path.GetFullPath(chosen)
        : Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>
    /// The default folder is emptied per run, so every picture in it is from this run; a chosen folder is left as it is.
    /// A picture that another run is writing at the same moment stays.
    /// </summary>
    public static void Prepare()
    {
        Directory.CreateDirectory(Folder);
        if (Environment.GetEnvironmentVariable("ANALYTICS_SCREENSHOTS") is { Length: > 0 }) return;
        foreach (var old in Directory.EnumerateFiles(Folder, "*.png"))
        {
            try { File.Delete(old); }
            catch (IOException) { }
        }
    }

    public static async Task<string> SaveAsync(IPage page, string address, string suffix = "")
    {
        var file = Path.Combine(Folder, FileName(address) + suffix + ".png");
        await page.ScreenshotAsync(new() { Path = file, FullPage = true });
        return file;
    }

    /// <summary>"/" is index.png, "/kvartal/2026Q1?culture=en-GB" is kvartal_2026Q1.en-GB.png.</summary>
    public static string FileName(string address)
    {
        var (path, culture) = address.Split("?culture=") is [var p, var c] ? (p, "." + c) : (address, "");
        var name = NotFileSafe().Replace(path.Trim('/'), "_");
        return (name.Length == 0 ? "index" : name) + culture;
    }

    [GeneratedRegex("[^A-Za-z0-9_.-]+")]
    private static partial Regex NotFileSafe();
}
