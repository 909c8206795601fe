using System.Text.Json;
using Microsoft.Playwright;

namespace Analytics.EndToEnd.Site;

public static class PageScripts
{
    /// <summary>
    /// Runs <paramref name="script"/> in the page and reads its result as <typeparamref name="T"/>. Playwright's own
    /// conversion needs parameterless constructors; System.Text.Json takes positional records as they are.
    /// </summary>
    public static async Task<T> RunAsync<T>(this IPage page, string script) =>
        (await page.EvaluateAsync<JsonElement>(script)).Deserialize<T>(JsonSerializerOptions.Web)
        ?? throw new InvalidOperationException("The page script returned nothing.");
}
