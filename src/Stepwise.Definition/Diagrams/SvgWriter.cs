using System.Globalization;
using System.Security;
using System.Text;
using Stepwise.Definition.Model;

namespace Stepwise.Definition.Diagrams;

/// <summary>
/// A self-contained SVG picture: the definition is collected as nested boxes, laid out by <see cref="SvgLayout"/>, then
/// drawn with the console's colours. Edges are straight or bend once; those that go back up a loop run in a lane at the
/// right of their container.
/// </summary>
internal sealed class SvgWriter(IReadOnlyDictionary<string, StateRunStatus>? statuses) : DiagramWriter(statuses)
{
    private const string EdgeColour = "#7d8590";
    private const string CatchColour = "#e08a00";

    private readonly SvgBox _root = new("root", null, "", null, false, true);
    private readonly Stack<SvgBox> _open = new();
    private readonly Dictionary<string, SvgBox> _boxes = [];

    public override void Begin()
    {
        _open.Push(_root);
        Add(new SvgBox(StartId, null, "Start", null, false, false));
    }

    public override void BeginContainer(string id, string title, string? stateName)
    {
        var container = new SvgBox(id, stateName, title, null, false, true);
        Add(container);
        _open.Push(container);
    }

    public override void EndContainer(string id) => _open.Pop();

    public override void Node(string id, string stateName, string text, StateType type, bool terminal) =>
        Add(new SvgBox(id, stateName, text, type, terminal, false));

    public override void Edge(string from, string to, string? label, EdgeStyle style)
    {
        if (to == EndId && !_boxes.ContainsKey(EndId))
        {
            Add(new SvgBox(EndId, null, "End", null, false, false));
        }

        _open.Peek().Edges.Add(new SvgEdge(_boxes[from], _boxes[to], label, style));
    }

    public override string End()
    {
        if (!_boxes.ContainsKey(EndId))
        {
            Add(new SvgBox(EndId, null, "End", null, false, false));
        }

        SvgLayout.Measure(_root, root: true);
        SvgLayout.MakeAbsolute(_root);
        Text.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{N(_root.Width)}\" height=\"{N(_root.Height)}\" viewBox=\"0 0 {N(_root.Width)} {N(_root.Height)}\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n");
        Text.Append("<defs>\n");
        Marker("arrow", EdgeColour);
        Marker("arrow-catch", CatchColour);
        Text.Append("</defs>\n");
        Text.Append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        DrawContent(_root);
        Text.Append("</svg>\n");
        return Text.ToString();
    }

    private void Add(SvgBox box)
    {
        _boxes[box.Id] = box;
        _open.Peek().Children.Add(box);
    }

    private void Marker(string id, string colour) =>
        Text.Append("<marker id=\"").Append(id).Append("\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"")
            .Append(colour).Append("\"/></marker>\n");

    /// <summary>The children of a container, then its edges over them.</summary>
    private void DrawContent(SvgBox container)
    {
        foreach (var child in container.Children)
        {
            if (child.IsContainer)
            {
                DrawContainer(child);
            }
            else
            {
                DrawNode(child);
            }
        }

        // A Choice's labels sit in the same gap, next to each other and often wider than the gap between their
        // targets: the labels of one source stack instead of overlapping.
        var labelsAt = new Dictionary<SvgBox, int>(ReferenceEqualityComparer.Instance);
        foreach (var edge in container.Edges)
        {
            DrawEdge(container, edge, labelsAt);
        }
    }

    private void DrawContainer(SvgBox box)
    {
        string fill = "#f0f3f7", stroke = "#aab2bd", dash = " stroke-dasharray=\"5 3\"";
        if (box.StateName is not null && StatusOf(box.StateName) is { } status and not StateRunStatus.NotReached)
        {
            (fill, stroke) = Colours(status);
            dash = "";
        }

        Text.Append("<g class=\"container\"");
        if (box.StateName is not null)
        {
            Text.Append(" data-state=\"").Append(Escape(box.StateName)).Append('"');
        }

        Text.Append(CultureInfo.InvariantCulture, $">\n<rect x=\"{N(box.X)}\" y=\"{N(box.Y)}\" width=\"{N(box.Width)}\" height=\"{N(box.Height)}\" rx=\"8\" fill=\"{fill}\" fill-opacity=\"0.7\" stroke=\"{stroke}\" stroke-width=\"1.2\"{dash}/>\n");
        Text.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(box.X + 8)}\" y=\"{N(box.Y + 16)}\" font-weight=\"600\" fill=\"#4a5260\">");
        for (int i = 0; i < box.Lines.Length; i++)
        {
            // A Parallel or Map title may carry a retry note: on the title line, after a separator.
            Text.Append(i > 0 ? " — " : "").Append(Escape(box.Lines[i]));
        }

        Text.Append("</text>\n");
        DrawContent(box);
        Text.Append("</g>\n");
    }

    private void DrawNode(SvgBox box)
    {
        if (box.StateName is null)
        {
            Text.Append(CultureInfo.InvariantCulture, $"<g class=\"marker\"><rect x=\"{N(box.X)}\" y=\"{N(box.Y)}\" width=\"{N(box.Width)}\" height=\"{N(box.Height)}\" rx=\"13\" fill=\"#1c2330\"/>");
            Text.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(box.CentreX)}\" y=\"{N(box.CentreY + 4)}\" text-anchor=\"middle\" fill=\"#ffffff\">{Escape(box.Lines[0])}</text></g>\n");
            return;
        }

        string fill = "#ffffff", stroke = "#8d96a3", nameColour = "#1c2330";
        double strokeWidth = 1.5;
        if (StatusOf(box.StateName) is { } status)
        {
            (fill, stroke) = Colours(status);
            strokeWidth = 2;
            nameColour = status == StateRunStatus.NotReached ? "#8a919c" : nameColour;
        }

        string radius = box.Type == StateType.Choice ? "0" : "6";
        Text.Append("<g class=\"node\" data-state=\"").Append(Escape(box.StateName)).Append("\"><title>").Append(Escape(box.StateName)).Append("</title>\n");
        Text.Append(CultureInfo.InvariantCulture, $"<rect class=\"state\" x=\"{N(box.X)}\" y=\"{N(box.Y)}\" width=\"{N(box.Width)}\" height=\"{N(box.Height)}\" rx=\"{radius}\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{N(strokeWidth)}\"/>\n");
        if (box.Type == StateType.Choice)
        {
            // A small rhombus in the corner marks a Choice; a rhombus around the text would need twice the room.
            Text.Append(CultureInfo.InvariantCulture, $"<path d=\"M{N(box.X + 10)},{N(box.Y + 4)} l6,6 l-6,6 l-6,-6 z\" fill=\"{stroke}\"/>\n");
        }

        if (box.Terminal)
        {
            Text.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(box.X + 3)}\" y=\"{N(box.Y + 3)}\" width=\"{N(box.Width - 6)}\" height=\"{N(box.Height - 6)}\" rx=\"4\" fill=\"none\" stroke=\"{stroke}\"/>\n");
        }

        double y = box.Y + 8 + SvgLayout.LineHeight - 3;
        for (int i = 0; i < box.Lines.Length; i++, y += SvgLayout.LineHeight)
        {
            string style = i == 0 ? $"font-weight=\"600\" fill=\"{nameColour}\"" : "font-size=\"11\" fill=\"#5a6270\"";
            Text.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(box.CentreX)}\" y=\"{N(y)}\" text-anchor=\"middle\" {style}>{Escape(box.Lines[i])}</text>\n");
        }

        Text.Append("</g>\n");
    }

    private void DrawEdge(SvgBox container, SvgEdge edge, Dictionary<SvgBox, int> labelsAt)
    {
        var (from, to) = (edge.From, edge.To);
        double x1, y1, bx, by, x2, y2;
        if (SvgLayout.GoesBack(edge))
        {
            // Out of the right side, into the lane, back into the target's right side.
            x1 = from.X + from.Width;
            y1 = from.CentreY;
            x2 = to.X + to.Width;
            y2 = to.CentreY;
            bx = container.X + container.Width - SvgLayout.Padding - SvgLayout.Lane / 2;
            by = (y1 + y2) / 2;
        }
        else if (SvgLayout.SkipsRanks(edge))
        {
            // Out of the left side, down the left lane, into the target's left side: past the ranks in between.
            x1 = from.X;
            y1 = from.CentreY;
            x2 = to.X;
            y2 = to.CentreY;
            bx = container.X + SvgLayout.Padding + SvgLayout.Lane / 2;
            by = (y1 + y2) / 2;
        }
        else
        {
            // Down out of the source, bend in the gap above the target, straight down into it.
            x1 = from.CentreX;
            y1 = from.Y + from.Height;
            x2 = to.CentreX;
            y2 = to.Y;
            bx = x2;
            by = Math.Min(y1 + SvgLayout.RankGap / 2, y2 - 8);
        }

        string colour = edge.Style == EdgeStyle.Dashed ? CatchColour : EdgeColour;
        string dash = edge.Style switch
        {
            EdgeStyle.Dashed => " stroke-dasharray=\"6 4\"",
            EdgeStyle.Dotted => " stroke-dasharray=\"2 3\"",
            _ => "",
        };
        string marker = edge.Style == EdgeStyle.Dashed ? "arrow-catch" : "arrow";
        Text.Append(CultureInfo.InvariantCulture, $"<g class=\"edge\"><polyline points=\"{N(x1)},{N(y1)} {N(bx)},{N(by)} {N(x2)},{N(y2)}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.4\"{dash} marker-end=\"url(#{marker})\"/>");
        if (edge.Label is { } label)
        {
            labelsAt.TryGetValue(from, out int stacked);
            labelsAt[from] = stacked + 1;
            double width = SvgLayout.TextWidth(label) * 11 / 12 + 8;
            // A label centred on its bend; in a lane it would hang outside the picture, so it goes in the gap below its
            // source instead, flush with the lane's outer edge.
            double lx = bx - width / 2, ly = by - 14 + stacked * 17;
            if (SvgLayout.GoesBack(edge) || SvgLayout.SkipsRanks(edge))
            {
                lx = SvgLayout.GoesBack(edge) ? bx + SvgLayout.Lane / 2 - width : bx - SvgLayout.Lane / 2;
                ly = from.Y + from.Height + 4 + stacked * 17;
            }

            string textColour = edge.Style == EdgeStyle.Dashed ? "#a05f00" : "#4a5260";
            Text.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(lx)}\" y=\"{N(ly)}\" width=\"{N(width)}\" height=\"15\" rx=\"3\" fill=\"#ffffff\" stroke=\"#d5d9e0\"/>");
            Text.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(lx + width / 2)}\" y=\"{N(ly + 11)}\" text-anchor=\"middle\" font-size=\"11\" fill=\"{textColour}\">{Escape(label)}</text>");
        }

        Text.Append("</g>\n");
    }

    private static string N(double value) => Math.Round(value, 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>Every user string (state names, labels, resources) is escaped for XML text and attributes.</summary>
    private static string Escape(string text) => SecurityElement.Escape(text);
}
