using Stepwise.Definition.Diagrams;
using Stepwise.Definition.Model;
using Stepwise.Json;

namespace Stepwise.Definition.Tests.Diagrams;

public sealed class StateDiagramTests
{
    private static readonly StateMachine s_machine = StateMachine.FromJson(JsonValue.Parse("""
        {"StartAt": "Route", "States": {
          "Route": {"Type": "Choice", "Choices": [
              {"Variable": "$.total", "NumericGreaterThan": 100, "Next": "Big"},
              {"And": [{"Variable": "$.tier", "StringEquals": "gold"}, {"Not": {"Variable": "$.x", "IsPresent": true}}], "Next": "Fan"}],
            "Default": "Big"},
          "Big": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "F"}, "Next": "Fan",
            "Retry": [{"ErrorEquals": ["Throttled"], "MaxAttempts": 5}],
            "Catch": [{"ErrorEquals": ["States.Timeout", "Custom"], "Next": "Oops"}]},
          "Fan": {"Type": "Parallel", "End": true, "Branches": [
            {"StartAt": "Each", "States": {"Each": {"Type": "Map", "End": true,
              "ItemProcessor": {"StartAt": "Work", "States": {"Work": {"Type": "Pass", "End": true}}}}}},
            {"StartAt": "Say \"hi\"", "States": {"Say \"hi\"": {"Type": "Succeed"}}}]},
          "Oops": {"Type": "Fail", "Error": "Bad<Thing>"}
        }}
        """));

    [Fact]
    public void Mermaid_nests_branches_and_processors_and_labels_choice_and_catch_edges()
    {
        string text = StateDiagram.Write(s_machine, DiagramFormat.Mermaid);

        Assert.StartsWith("flowchart TD\n", text, StringComparison.Ordinal);
        Assert.Contains("s0{\"Route\"}", text, StringComparison.Ordinal);
        Assert.Contains("s0 -->|\"$.total #gt; 100\"| s1", text, StringComparison.Ordinal);
        Assert.Contains("s0 -->|\"$.tier == #quot;gold#quot; #amp;#amp; !($.x is present)\"| s2", text, StringComparison.Ordinal);
        Assert.Contains("s0 -.->|\"Default\"| s1", text, StringComparison.Ordinal);
        Assert.Contains("s1 -.->|\"States.Timeout, Custom\"| s6", text, StringComparison.Ordinal);
        Assert.Contains("Retry: Throttled ×5", text, StringComparison.Ordinal);
        Assert.Contains("subgraph s2 [\"Fan · Parallel\"]", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("subgraph s3 [\"Each · Map\"]", StringComparison.Ordinal) > text.IndexOf("subgraph s2_b0", StringComparison.Ordinal));
        Assert.Contains("s6[[\"Oops<br/>Bad#lt;Thing#gt;\"]]", text, StringComparison.Ordinal);
        Assert.Contains("Say #quot;hi#quot;", text, StringComparison.Ordinal);
        Assert.Contains("start_node --> s0", text, StringComparison.Ordinal);
        Assert.Contains("s2 --> end_node", text, StringComparison.Ordinal);
        Assert.DoesNotContain("s6 --> end_node", text, StringComparison.Ordinal);
        Assert.DoesNotContain("classDef", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Dot_draws_containers_as_clusters_and_attaches_edges_at_their_border()
    {
        string text = StateDiagram.Write(s_machine, DiagramFormat.Dot);

        Assert.StartsWith("digraph StateMachine {", text, StringComparison.Ordinal);
        Assert.Contains("subgraph cluster_s2 {", text, StringComparison.Ordinal);
        Assert.Contains("subgraph cluster_s3 {", text, StringComparison.Ordinal);
        Assert.Contains("s1 -> s2 [lhead=cluster_s2]", text, StringComparison.Ordinal);
        Assert.Contains("s2 -> end_node [ltail=cluster_s2]", text, StringComparison.Ordinal);
        Assert.Contains("s1 -> s6 [label=\"States.Timeout, Custom\", style=dashed", text, StringComparison.Ordinal);
        Assert.Contains("s0 -> s1 [label=\"$.total > 100\"]", text, StringComparison.Ordinal);
        Assert.Contains("label=\"Say \\\"hi\\\"\"", text, StringComparison.Ordinal);
        Assert.Contains("s0 [label=\"Route\", shape=diamond", text, StringComparison.Ordinal);
    }

    [Fact]
    public void With_statuses_every_state_is_coloured_and_unvisited_ones_are_not_reached()
    {
        var statuses = new Dictionary<string, StateRunStatus>
        {
            ["Route"] = StateRunStatus.Succeeded,
            ["Big"] = StateRunStatus.Caught,
            ["Oops"] = StateRunStatus.Failed,
        };

        string mermaid = StateDiagram.Write(s_machine, DiagramFormat.Mermaid, statuses);
        Assert.Contains("class s0 succeeded", mermaid, StringComparison.Ordinal);
        Assert.Contains("class s1 caught", mermaid, StringComparison.Ordinal);
        Assert.Contains("class s6 failed", mermaid, StringComparison.Ordinal);
        Assert.Contains("classDef notreached", mermaid, StringComparison.Ordinal);

        string dot = StateDiagram.Write(s_machine, DiagramFormat.Dot, statuses);
        Assert.Contains("s6 [label=\"Oops\\nBad<Thing>\", peripheries=2, fillcolor=\"#fde6e6\", color=\"#d13b3b\"", dot, StringComparison.Ordinal);
    }
}
