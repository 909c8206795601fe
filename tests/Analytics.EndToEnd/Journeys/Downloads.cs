using ClosedXML.Excel;
using Microsoft.Playwright;

namespace Analytics.EndToEnd.Journeys;

/// <summary>Files a journey downloads by clicking, as a person does, and what a downloaded workbook must hold.</summary>
internal static class Downloads
{
    /// <summary>Clicks <paramref name="link"/>, waits for the browser's download and keeps it under its suggested name in a fresh folder.</summary>
    public static async Task<string> ClickAsync(IPage page, ILocator link)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        var folder = Directory.CreateTempSubdirectory("otg-e2e-download-").FullName;
        var file = Path.Combine(folder, download.SuggestedFilename);
        await download.SaveAsAsync(file);
        (await download.FailureAsync()).ShouldBeNull();
        return file;
    }

    /// <summary>The workbook opens (ClosedXML reads every part of it) and has the named sheets; returns all its sheet names.</summary>
    public static IReadOnlyList<string> AssertWorkbook(string file, params string[] sheets)
    {
        Path.GetExtension(file).ShouldBe(".xlsx");
        using var workbook = new XLWorkbook(file);
        var names = workbook.Worksheets.Select(w => w.Name).ToList();
        foreach (var sheet in sheets) names.ShouldContain(sheet, $"the workbook {Path.GetFileName(file)} has the sheets {string.Join(", ", names)}");
        return names;
    }
}
