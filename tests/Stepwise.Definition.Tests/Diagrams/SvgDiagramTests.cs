using System.Globalization;
using System.Text;
using System.Xml;
using Stepwise.Definition.Diagrams;
using Stepwise.Definition.Model;
using Stepwise.Json;

namespace Stepwise.Definition.Tests.Diagrams;

public sealed class SvgDiagramTests
{
    private const string Svg = "http://www.w3.org/2000/svg";

    private static StateMachine OrderPipeline()
    {
        string path = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(path, "Stepwise.slnx")))
        {
            path = Path.GetDirectoryName(path) ?? throw new InvalidOperationException("The repository root was not found.");
        }

        return StateMachine.FromJson(JsonValue.Parse(File.ReadAllText(Path.Combine(path, "examples/order-pipeline/order-pipeline.asl.json"))));
    }

    private static StateMachine Chain(int length)
    {
        var states = new StringBuilder();
        for (int i = 0; i < length; i++)
        {
            states.Append(i > 0 ? "," : "").Append(CultureInfo.InvariantCulture, $"\"S{i}\": {{\"Type\": \"Pass\", ")
                .Append(i == length - 1 ? "\"End\": true}" : $"\"Next\": \"S{i + 1}\"}}");
        }

        return StateMachine.FromJson(JsonValue.Parse($"{{\"StartAt\": \"S0\", \"States\": {{{states}}}}}"));
    }

    private static XmlDocument Parse(string svg)
    {
        var document = new XmlDocument();
        document.LoadXml(svg);
        Assert.Equal("svg", document.DocumentElement!.LocalName);
        Assert.Equal(Svg, document.DocumentElement.NamespaceURI);
        return document;
    }

    private static XmlNamespaceManager Namespaces(XmlDocument document)
    {
        var namespaces = new XmlNamespaceManager(document.NameTable);
        namespaces.AddNamespace("svg", Svg);
        return namespaces;
    }

    private static List<(string Name, double X, double Y, double Width, double Height)> StateRectangles(XmlDocument document)
    {
        var rectangles = new List<(string, double, double, double, double)>();
        foreach (XmlElement rect in document.SelectNodes("//svg:g[@class='node']/svg:rect[@class='state']", Namespaces(document))!)
        {
            string name = ((XmlElement)rect.ParentNode!).GetAttribute("data-state");
            rectangles.Add((name, Number(rect, "x"), Number(rect, "y"), Number(rect, "width"), Number(rect, "height")));
        }

        return rectangles;
    }

    private static double Number(XmlElement element, string attribute) =>
        double.Parse(element.GetAttribute(attribute), CultureInfo.InvariantCulture);

    private static void AssertNoOverlap(List<(string Name, double X, double Y, double Width, double Height)> rectangles)
    {
        for (int i = 0; i < rectangles.Count; i++)
        {
            for (int j = i + 1; j < rectangles.Count; j++)
            {
                var (a, b) = (rectangles[i], rectangles[j]);
                bool apart = a.X + a.Width <= b.X || b.X + b.Width <= a.X || a.Y + a.Height <= b.Y || b.Y + b.Height <= a.Y;
                Assert.True(apart, $"{a.Name} overlaps {b.Name}");
            }
        }
    }

    [Fact]
    public void The_order_pipeline_draws_every_state_once_with_no_two_states_overlapping()
    {
        var machine = OrderPipeline();
        var document = Parse(StateDiagram.Write(machine, DiagramFormat.Svg));

        var rectangles = StateRectangles(document);
        var names = new List<string>();
        Collect(machine.Root, names);
        Assert.Equal(names.Count, rectangles.Count);
        foreach (string name in names)
        {
            Assert.Contains(rectangles, r => r.Name == name);
        }

        AssertNoOverlap(rectangles);
    }

    [Fact]
    public void A_hundred_state_chain_is_drawn_top_to_bottom_without_overlaps()
    {
        var document = Parse(StateDiagram.Write(Chain(100), DiagramFormat.Svg));

        var rectangles = StateRectangles(document);
        Assert.Equal(100, rectangles.Count);
        AssertNoOverlap(rectangles);
        for (int i = 1; i < rectangles.Count; i++)
        {
            Assert.True(rectangles[i].Y > rectangles[i - 1].Y, $"S{i} is not below S{i - 1}");
        }
    }

    [Fact]
    public void Nested_containers_enclose_their_states_and_edges_carry_choice_and_catch_labels()
    {
        var machine = StateMachine.FromJson(JsonValue.Parse("""
            {"StartAt": "Route", "States": {
              "Route": {"Type": "Choice", "Choices": [{"Variable": "$.total", "NumericGreaterThan": 100, "Next": "Fan"}], "Default": "Big"},
              "Big": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Next": "Fan",
                "Catch": [{"ErrorEquals": ["States.Timeout"], "Next": "Oops"}]},
              "Fan": {"Type": "Parallel", "End": true, "Branches": [
                {"StartAt": "Each", "States": {"Each": {"Type": "Map", "End": true,
                  "ItemProcessor": {"StartAt": "Work", "States": {"Work": {"Type": "Pass", "End": true}}}}}},
                {"StartAt": "Say <hi> & \"bye\"", "States": {"Say <hi> & \"bye\"": {"Type": "Succeed"}}}]},
              "Oops": {"Type": "Fail", "Error": "Bad<Thing>"}
            }}
            """));
        var document = Parse(StateDiagram.Write(machine, DiagramFormat.Svg));
        var namespaces = Namespaces(document);

        var labels = new List<string>();
        foreach (XmlElement text in document.SelectNodes("//svg:g[@class='edge']/svg:text", namespaces)!)
        {
            labels.Add(text.InnerText);
        }

        Assert.Contains("$.total > 100", labels);
        Assert.Contains("Default", labels);
        Assert.Contains("States.Timeout", labels);
        var catchEdge = (XmlElement)document.SelectSingleNode("//svg:g[@class='edge'][svg:text='States.Timeout']/svg:polyline", namespaces)!;
        Assert.NotEmpty(catchEdge.GetAttribute("stroke-dasharray"));
        Assert.Contains(StateRectangles(document), r => r.Name == "Say <hi> & \"bye\"");
        Assert.NotNull(document.SelectSingleNode("//svg:text[.='Bad<Thing>']", namespaces));

        var map = (XmlElement)document.SelectSingleNode("//svg:g[@data-state='Each']/svg:rect", namespaces)!;
        var work = StateRectangles(document).Single(r => r.Name == "Work");
        Assert.True(work.X > Number(map, "x") && work.Y > Number(map, "y"));
        Assert.True(work.X + work.Width < Number(map, "x") + Number(map, "width") && work.Y + work.Height < Number(map, "y") + Number(map, "height"));
        var parallel = (XmlElement)document.SelectSingleNode("//svg:g[@data-state='Fan']/svg:rect", namespaces)!;
        Assert.True(Number(map, "x") > Number(parallel, "x") && Number(map, "width") < Number(parallel, "width"));
    }

    [Fact]
    public void A_status_colours_its_state_and_unreached_states_stay_white()
    {
        var statuses = new Dictionary<string, StateRunStatus> { ["S0"] = StateRunStatus.Succeeded, ["S1"] = StateRunStatus.Failed };
        var document = Parse(StateDiagram.Write(Chain(3), DiagramFormat.Svg, statuses));
        var namespaces = Namespaces(document);

        string Fill(string state) => ((XmlElement)document.SelectSingleNode($"//svg:g[@data-state='{state}']/svg:rect[@class='state']", namespaces)!).GetAttribute("fill");
        Assert.Equal("#e3f5e8", Fill("S0"));
        Assert.Equal("#fde6e6", Fill("S1"));
        Assert.Equal("#ffffff", Fill("S2"));
    }

    [Fact]
    public void A_loop_does_not_push_its_target_below_the_state_that_returns_to_it()
    {
        var machine = StateMachine.FromJson(JsonValue.Parse("""
            {"StartAt": "Poll", "States": {
              "Poll": {"Type": "Pass", "Next": "Done?"},
              "Done?": {"Type": "Choice", "Choices": [{"Variable": "$.done", "BooleanEquals": true, "Next": "Finish"}], "Default": "Poll"},
              "Finish": {"Type": "Succeed"}
            }}
            """));
        var rectangles = StateRectangles(Parse(StateDiagram.Write(machine, DiagramFormat.Svg)));

        double Y(string name) => rectangles.Single(r => r.Name == name).Y;
        Assert.True(Y("Poll") < Y("Done?"));
        Assert.True(Y("Done?") < Y("Finish"));
    }

    private static void Collect(StateGraph graph, List<string> names)
    {
        foreach (var (name, state) in graph.States)
        {
            switch (state)
            {
                case ParallelState parallel:
                    foreach (var branch in parallel.Branches)
                    {
                        Collect(branch, names);
                    }

                    break;
                case MapState map:
                    Collect(map.ItemProcessor.Graph, names);
                    break;
                default:
                    names.Add(name);
                    break;
            }
        }
    }
}
