using System.Text.RegularExpressions;
using System.Xml.Linq;
using ScottPlot;

namespace Analytics.Reporting.Charts;

/// <summary>
/// A drawn chart with its accessible name (Title) and a plain-text summary of what it shows (Description). The same
/// chart is written as inline SVG for the page and as PNG for download. Each output is rendered once and kept, so a chart
/// kept in a <see cref="ChartCache"/> costs nothing on the next request; rendering is serialised, since a ScottPlot
/// plot lays itself out while it renders and may be shared by requests at once.
/// </summary>
public sealed partial class Chart(Plot plot, int width, int height, string title, string description)
{
    private readonly Lock _rendering = new();
    private readonly Dictionary<(string Id, string? DescribedBy), string> _svgs = [];
    private byte[]? _png;

    public string Title { get; } = title;
    public string Description { get; } = description;
    public int Width { get; } = width;
    public int Height { get; } = height;

    /// <summary>
    /// Inline SVG that screen readers announce as one image named by its title and described by its summary. Every id
    /// inside is prefixed with <paramref name="id"/>, since ScottPlot numbers its clip paths per drawing and two charts on
    /// one page would otherwise clip each other. <paramref name="describedBy"/> names the id of the table with the chart's
    /// numbers where that table is not right beside it.
    /// </summary>
    public string Svg(string id, string? describedBy = null)
    {
        lock (_rendering)
        {
            if (!_svgs.TryGetValue((id, describedBy), out var svg)) _svgs[(id, describedBy)] = svg = RenderSvg(id, describedBy);
            return svg;
        }
    }

    private string RenderSvg(string id, string? describedBy)
    {
        var svg = XElement.Parse(plot.GetSvgXml(Width, Height));
        var ns = svg.Name.Namespace;
        foreach (var attribute in svg.DescendantsAndSelf().Attributes())
        {
            if (attribute.Name == "id") attribute.Value = $"{id}-{attribute.Value}";
            else if (attribute.Value.Contains("url(#", StringComparison.Ordinal)) attribute.Value = UrlReference().Replace(attribute.Value, $"url(#{id}-$1)");
        }
        svg.SetAttributeValue("viewBox", $"0 0 {Width} {Height}");
        svg.SetAttributeValue("role", "img");
        svg.SetAttributeValue("aria-labelledby", $"{id}-title {id}-desc");
        if (describedBy is not null) svg.SetAttributeValue("aria-describedby", describedBy);
        svg.SetAttributeValue("focusable", "false");
        svg.SetAttributeValue("id", id);
        svg.AddFirst(new XElement(ns + "title", new XAttribute("id", $"{id}-title"), Title),
            new XElement(ns + "desc", new XAttribute("id", $"{id}-desc"), Description));
        return svg.ToString(SaveOptions.DisableFormatting);
    }

    public byte[] Png()
    {
        lock (_rendering) return _png ??= plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    [GeneratedRegex(@"url\(#([^)]+)\)")]
    private static partial Regex UrlReference();
}
