namespace Stepwise.Definition.Diagrams;

/// <summary>
/// A small layered layout (Sugiyama's scheme, simplified): each container ranks its children by the longest path from its
/// first child with back edges of loops ignored, orders each rank by one barycentre sweep to reduce crossings, and stacks
/// the ranks top to bottom. Containers are laid out inside out, so a Parallel or Map box is sized by its content.
/// </summary>
internal static class SvgLayout
{
    public const double RankGap = 64;
    public const double NodeGap = 36;
    public const double Padding = 14;
    public const double TitleHeight = 20;
    public const double LineHeight = 15;

    /// <summary>Room to the right of the content for the lane of edges that go back up (loops), and to the left for the
    /// lane of edges that skip ranks (so they pass beside the states in between, not through them).</summary>
    public const double Lane = 28;

    /// <summary>An estimate of the width of 12px sans-serif text; no font metrics without a renderer.</summary>
    public static double TextWidth(string text) => text.Length * 7.0;

    /// <summary>Sizes <paramref name="box"/> and places its descendants relative to it.</summary>
    public static void Measure(SvgBox box, bool root = false)
    {
        if (!box.IsContainer)
        {
            double widest = 0;
            foreach (string line in box.Lines)
            {
                widest = Math.Max(widest, TextWidth(line));
            }

            bool marker = box.StateName is null;
            // A Choice's corner rhombus needs room beside its centred name.
            box.Width = marker ? widest + 28 : Math.Max(96, widest + 28) + (box.Type == Model.StateType.Choice ? 24 : 0);
            box.Height = marker ? 26 : 16 + box.Lines.Length * LineHeight;
            return;
        }

        foreach (var child in box.Children)
        {
            Measure(child);
        }

        var ranks = Rank(box);
        double contentWidth = 0;
        foreach (var row in ranks)
        {
            double rowWidth = -NodeGap;
            foreach (var child in row)
            {
                rowWidth += child.Width + NodeGap;
            }

            contentWidth = Math.Max(contentWidth, rowWidth);
        }

        double backLane = Has(box, back: true) ? Lane : 0;
        double longLane = Has(box, back: false) ? Lane : 0;
        double lane = backLane + longLane;
        double title = root ? 0 : TitleHeight;
        double width = Math.Max(contentWidth + lane, TextWidth(box.Lines[0]) + 12);
        double y = Padding + title;
        foreach (var row in ranks)
        {
            double rowWidth = -NodeGap;
            double rowHeight = 0;
            foreach (var child in row)
            {
                rowWidth += child.Width + NodeGap;
                rowHeight = Math.Max(rowHeight, child.Height);
            }

            double x = Padding + longLane + (width - lane - rowWidth) / 2;
            foreach (var child in row)
            {
                child.X = x;
                child.Y = y + (rowHeight - child.Height) / 2;
                x += child.Width + NodeGap;
            }

            y += rowHeight + RankGap;
        }

        box.Width = width + 2 * Padding;
        box.Height = ranks.Count == 0 ? Padding * 2 + title : y - RankGap + Padding;
    }

    /// <summary>Turns positions relative to each parent into positions in the picture.</summary>
    public static void MakeAbsolute(SvgBox box)
    {
        foreach (var child in box.Children)
        {
            child.X += box.X;
            child.Y += box.Y;
            MakeAbsolute(child);
        }
    }

    /// <summary>An edge that does not go down a rank: drawn in the lane at the container's right.</summary>
    public static bool GoesBack(SvgEdge edge) => edge.To.Rank <= edge.From.Rank;

    /// <summary>An edge that goes down more than one rank: drawn in the lane at the container's left.</summary>
    public static bool SkipsRanks(SvgEdge edge) => edge.To.Rank > edge.From.Rank + 1;

    private static bool Has(SvgBox box, bool back)
    {
        foreach (var edge in box.Edges)
        {
            if (back ? GoesBack(edge) : SkipsRanks(edge))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Assigns ranks and returns the children rank by rank, each rank in barycentre order.</summary>
    private static List<List<SvgBox>> Rank(SvgBox box)
    {
        var children = box.Children;
        var index = new Dictionary<SvgBox, int>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < children.Count; i++)
        {
            index[children[i]] = i;
            children[i].Rank = 0;
        }

        var successors = new List<int>[children.Count];
        var predecessors = new List<int>[children.Count];
        for (int i = 0; i < children.Count; i++)
        {
            successors[i] = [];
            predecessors[i] = [];
        }

        foreach (var edge in box.Edges)
        {
            successors[index[edge.From]].Add(index[edge.To]);
        }

        // Depth-first from each child in definition order: an edge to a child still on the stack closes a loop and is
        // left out of the ranking; the reverse post-order of the rest is a topological order.
        var state = new byte[children.Count];
        var looping = new bool[children.Count];
        var postOrder = new List<int>(children.Count);
        for (int i = 0; i < children.Count; i++)
        {
            Visit(i, successors, predecessors, state, looping, postOrder);
        }

        for (int k = postOrder.Count - 1; k >= 0; k--)
        {
            int i = postOrder[k];
            foreach (int p in predecessors[i])
            {
                children[i].Rank = Math.Max(children[i].Rank, children[p].Rank + 1);
            }
        }

        int last = 0;
        SvgBox? end = null;
        foreach (var child in children)
        {
            if (child.Id == DiagramWriter.EndId)
            {
                end = child;
            }
            else
            {
                last = Math.Max(last, child.Rank);
            }
        }

        if (end is not null)
        {
            // The end marker closes the picture even when a Fail state sits deeper than every successful ending.
            end.Rank = last + 1;
            last++;
        }

        var ranks = new List<List<SvgBox>>();
        for (int r = 0; r <= last && children.Count > 0; r++)
        {
            ranks.Add([]);
        }

        foreach (var child in children)
        {
            ranks[child.Rank].Add(child);
        }

        Sweep(ranks, children, index, predecessors, looping);
        return ranks;
    }

    private static void Visit(int i, List<int>[] successors, List<int>[] predecessors, byte[] state, bool[] looping, List<int> postOrder)
    {
        const byte OnStack = 1, Done = 2;
        if (state[i] != 0)
        {
            return;
        }

        state[i] = OnStack;
        foreach (int j in successors[i])
        {
            if (state[j] == OnStack)
            {
                looping[i] = looping[j] = true;
            }
            else if (!predecessors[j].Contains(i))
            {
                predecessors[j].Add(i);
            }

            Visit(j, successors, predecessors, state, looping, postOrder);
        }

        state[i] = Done;
        postOrder.Add(i);
    }

    /// <summary>
    /// One top-down sweep: each rank sorted by the mean position of its predecessors in the ranks above. The ends of a
    /// loop's back edge go to the right of their rank, next to the lane the edge runs in, so it crosses no state there.
    /// </summary>
    private static void Sweep(List<List<SvgBox>> ranks, List<SvgBox> children, Dictionary<SvgBox, int> index, List<int>[] predecessors, bool[] looping)
    {
        var position = new double[children.Count];
        for (int r = 0; r < ranks.Count; r++)
        {
            var row = ranks[r];
            var keys = new (double Barycentre, int Order, SvgBox Box)[row.Count];
            for (int k = 0; k < row.Count; k++)
            {
                int i = index[row[k]];
                double sum = 0;
                int count = 0;
                foreach (int p in predecessors[i])
                {
                    if (children[p].Rank < r)
                    {
                        sum += position[p];
                        count++;
                    }
                }

                double barycentre = count == 0 ? k - (row.Count - 1) / 2.0 : sum / count;
                keys[k] = (looping[i] ? barycentre + children.Count : barycentre, k, row[k]);
            }

            Array.Sort(keys, static (a, b) => a.Barycentre != b.Barycentre ? a.Barycentre.CompareTo(b.Barycentre) : a.Order.CompareTo(b.Order));
            for (int k = 0; k < row.Count; k++)
            {
                row[k] = keys[k].Box;
                // Positions centred on the rank so that a narrow rank lines up under the middle of a wide one.
                position[index[row[k]]] = k - (row.Count - 1) / 2.0;
            }
        }
    }
}
