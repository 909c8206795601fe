using Analytics.Core.Disclosure;
using Analytics.Core.Taxonomies;
using ScottPlot;

namespace Analytics.Reporting.Charts;

/// <summary>
/// The organisation tie network as a picture. Nodes sit around a circle, sector after sector with a gap between
/// sectors, each named outward from its place, as a chord diagram is; a line joins two nodes for each tie, thicker and
/// darker the heavier its Newman weight. Every sector has its own colour and marker shape, named in the legend, and a
/// merged node ("Övriga organisationer inom …") is drawn hollow, so nothing rests on colour. The table of ties beside
/// the picture gives the same in numbers.
/// </summary>
public static class TieNetworkChart
{
    private const double Radius = 1;

    // A longer name is cut short in the picture (the table beside it names it in full): room for the name outside the
    // circle is what keeps the circle large.
    private const int LabelLength = 36;

    // Okabe-Ito colours with at least 3:1 contrast on white; with five filled shapes they make ten distinct marks.
    private static readonly Color[] Colours = [ChartStyle.Blue, ChartStyle.Vermillion, ChartStyle.BluishGreen, ChartStyle.ReddishPurple, ChartStyle.Ink];

    private static readonly (MarkerShape Filled, MarkerShape Hollow)[] Shapes =
    [
        (MarkerShape.FilledCircle, MarkerShape.OpenCircle), (MarkerShape.FilledSquare, MarkerShape.OpenSquare),
        (MarkerShape.FilledTriangleUp, MarkerShape.OpenTriangleUp), (MarkerShape.FilledDiamond, MarkerShape.OpenDiamond),
        (MarkerShape.FilledTriangleDown, MarkerShape.OpenTriangleDown),
    ];

    /// <summary>
    /// Null when there is nothing to draw: the network is withheld, or no two nodes are tied. Nodes are named by
    /// <paramref name="name"/> when given (a shorter name for merged nodes, say), otherwise by their labels.
    /// </summary>
    public static Chart? Of(ProtectedTieGraph graph, string title, string description, Func<ProtectedTieNode, string>? name = null,
        int width = 960, int height = 1000)
    {
        if (graph.Withheld || graph.Ties.Count == 0) return null;
        var plot = ChartStyle.NewPlot();
        var place = Places(graph.Nodes);

        var heaviest = graph.Ties.Max(t => t.Weight);
        // Light ties first, so the heavy ones are drawn on top of them.
        foreach (var tie in graph.Ties.OrderBy(t => t.Weight))
        {
            var (a, b) = (place[tie.First], place[tie.Second]);
            var line = plot.Add.Line(a.X, a.Y, b.X, b.Y);
            var strength = tie.Weight / heaviest;
            line.LineWidth = (float)(0.75 + 6 * strength);
            line.Color = ChartStyle.Ink.WithAlpha(0.12 + 0.5 * strength);
            line.MarkerSize = 0;
        }

        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in graph.Nodes)
        {
            var p = place[node.Code];
            var (colour, shapes) = MarkOf(node.Sector);
            var marker = plot.Add.Marker(p.X, p.Y, node.Merged ? shapes.Hollow : shapes.Filled, 14, colour);
            marker.MarkerLineWidth = node.Merged ? 2.5f : 1;
            marker.MarkerLineColor = node.Merged ? colour : Colors.White;
            if (named.Add(node.SectorLabel)) marker.LegendText = node.SectorLabel;

            // Names run outward along the radius, so neighbours never write over each other; on the left half they are
            // turned half a circle to stay upright, and end at the node instead of starting there.
            var degrees = Math.Atan2(p.Y, p.X) * 180 / Math.PI;
            var right = p.X >= -1e-9;
            var label = plot.Add.Text(Shortened(name?.Invoke(node) ?? node.Label), p.X * 1.06, p.Y * 1.06);
            label.LabelFontName = ChartStyle.FontName;
            label.LabelFontSize = 11;
            label.LabelFontColor = ChartStyle.Ink;
            label.LabelBold = !node.Merged;
            label.LabelRotation = (float)(right ? -degrees : 180 - degrees);
            label.LabelAlignment = right ? Alignment.MiddleLeft : Alignment.MiddleRight;
        }

        plot.HideGrid();
        plot.Axes.Frameless();
        plot.Axes.SetLimits(-2.35, 2.35, -2.35, 2.35);
        plot.Axes.SquareUnits();
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.FontName = ChartStyle.FontName;
        plot.Legend.FontSize = 13;
        return new Chart(plot, width, height, title, description);
    }

    /// <summary>
    /// Each node's place on the circle, clockwise from the top in the nodes' order (sector by sector), with one empty
    /// place between sectors so each sector reads as a group.
    /// </summary>
    private static Dictionary<string, Coordinates> Places(IReadOnlyList<ProtectedTieNode> nodes)
    {
        var slots = new List<int>();
        var slot = 0;
        for (var i = 0; i < nodes.Count; i++)
        {
            if (i > 0 && nodes[i].Sector != nodes[i - 1].Sector) slot++;
            slots.Add(slot++);
        }

        var total = Math.Max(slot + (nodes.Select(n => n.Sector).Distinct().Count() > 1 ? 1 : 0), 1);
        return nodes.Select((n, i) => (n.Code, Angle: Math.PI / 2 - 2 * Math.PI * slots[i] / total))
            .ToDictionary(n => n.Code, n => new Coordinates(Radius * Math.Cos(n.Angle), Radius * Math.Sin(n.Angle)), StringComparer.Ordinal);
    }

    /// <summary>The colour and shapes of a sector's nodes, fixed by the sector's place in the taxonomy.</summary>
    private static (Color Colour, (MarkerShape Filled, MarkerShape Hollow) Shapes) MarkOf(string? sector)
    {
        var i = Taxonomy.Order(Taxonomy.Sectors, sector);
        return (Colours[i % Colours.Length], Shapes[(i + i / Colours.Length) % Shapes.Length]);
    }

    private static string Shortened(string label) => label.Length <= LabelLength ? label : label[..(LabelLength - 1)].TrimEnd() + "…";
}
