using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Analytics.Core.Disclosure;
using Analytics.Core.Events;
using Analytics.Core.Reports;
using Analytics.Reporting.Snapshots;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Web.Tests.Pages.Shared;

/// <summary>Pages as a browser would parse them, and the protected figures they should show.</summary>
internal static class PageDocument
{
    public static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static async Task<IDocument> PageAsync(this HttpClient client, string url) =>
        await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync(url));

    /// <summary>The text of an element with its whitespace collapsed, as it reads.</summary>
    public static string Text(this IElement element) => string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The value cell of a key figure card (&lt;dt&gt;name&lt;/dt&gt;&lt;dd class="value"&gt;).</summary>
    public static string KeyFigure(this IDocument page, string name) =>
        page.QuerySelectorAll(".key-figures dt").Single(dt => dt.Text() == name).ParentElement!.QuerySelector("dd.value")!.Text();

    /// <summary>The names of the key figure cards.</summary>
    public static List<string> KeyFigures(this IDocument page) => [.. page.QuerySelectorAll(".key-figures dt").Select(Text)];

    /// <summary>The table under the heading with the given id's section, as rows of cell texts keyed by the row header.</summary>
    public static Dictionary<string, List<string>> Rows(this IElement table) =>
        table.QuerySelectorAll("tbody tr").ToDictionary(tr => tr.QuerySelector("th")!.Text(), tr => tr.QuerySelectorAll("td").Select(Text).ToList());

    public static IElement Section(this IDocument page, string headingId) =>
        page.GetElementById(headingId).ShouldNotBeNull($"#{headingId}").Closest("section").ShouldNotBeNull();

    public static string Count(int? count, ProtectedReport report, CultureInfo culture) => count?.ToString("N0", culture) ?? report.Show(null);

    public static async Task<ProtectedReport> ReportAsync(this AnalyticsWebFactory factory, ReportScope scope)
    {
        using var services = factory.Services.CreateScope();
        return (await services.ServiceProvider.GetRequiredService<ReportReader>().ReadAsync(scope)).ShouldNotBeNull($"{scope} is computed").Report;
    }

    public static async Task<IReadOnlyList<QuarterReport>> TrendAsync(this AnalyticsWebFactory factory, Quarter quarter, int previous)
    {
        using var services = factory.Services.CreateScope();
        return await services.ServiceProvider.GetRequiredService<ReportReader>().ReadTrendAsync(quarter, previous);
    }

    public static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Asserts the address answers with a PNG image and returns its bytes.</summary>
    public static async Task<byte[]> PngAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, url);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(8).ShouldBe(PngSignature);
        return bytes;
    }
}
