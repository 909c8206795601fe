using Analytics.Reporting.Charts;
using Microsoft.AspNetCore.WebUtilities;

namespace Analytics.Web.Pages.Shared;

/// <summary>One chart on a page: its id (unique on the page), the drawn chart, and where the same chart downloads as PNG.</summary>
public sealed record ChartView(string Id, Chart Chart)
{
    /// <summary>This page's address with its filters, asking the page's Png handler for this chart.</summary>
    public string PngHref(HttpRequest request)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(q => q.Key is not ("handler" or "diagram"))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Append(new("handler", "png"))
            .Append(new("diagram", Id));
        return QueryHelpers.AddQueryString(request.PathBase + request.Path, query);
    }
}
