using Stepwise.Cli.Commands;
using Stepwise.Definition.Diagrams;
using Stepwise.Json;

namespace Stepwise.Cli.Tests;

public sealed class GraphCommandTests
{
    [Fact]
    public async Task Graph_prints_the_order_pipeline_as_DOT_with_its_containers()
    {
        var (exit, output, error) = await CliRunner.RunAsync("graph", CliRunner.InRepo("examples/order-pipeline/order-pipeline.asl.json"), "--format", "dot");
        Assert.True(exit == 0, error);
        Assert.StartsWith("digraph StateMachine {", output, StringComparison.Ordinal);
        Assert.Contains("label=\"Fulfil · Parallel\"", output, StringComparison.Ordinal);
        Assert.Contains("label=\"ReserveLines · Map\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Graph_draws_an_SVG_picture_by_default()
    {
        var (exit, output, error) = await CliRunner.RunAsync("graph", CliRunner.InRepo("examples/order-pipeline/order-pipeline.asl.json"));
        Assert.True(exit == 0, error);
        var document = new System.Xml.XmlDocument();
        document.LoadXml(output);
        Assert.Equal("svg", document.DocumentElement!.LocalName);
        Assert.Contains("Fulfil · Parallel", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Graph_with_an_unknown_format_lists_the_formats_it_accepts()
    {
        var (exit, output, error) = await CliRunner.RunAsync("graph", CliRunner.InRepo("examples/order-pipeline/order-pipeline.asl.json"), "--format", "png");
        Assert.NotEqual(0, exit);
        Assert.DoesNotContain("<svg", output, StringComparison.Ordinal);
        Assert.Contains("'svg'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Graph_with_an_execution_but_no_endpoint_says_they_go_together()
    {
        var (exit, _, error) = await CliRunner.RunAsync("graph", CliRunner.InRepo("examples/saga/saga.asl.json"), "--execution", "arn:aws:states:us-east-1:123456789012:execution:x:y");
        Assert.Equal(1, exit);
        Assert.Contains("--execution and --endpoint go together", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Graph_of_an_invalid_definition_prints_its_diagnostics_and_exits_with_1()
    {
        string file = Path.Combine(Path.GetTempPath(), $"stepwise-{Guid.NewGuid():N}.asl.json");
        await File.WriteAllTextAsync(file, """{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"Nowhere"}}}""");
        try
        {
            var (exit, output, error) = await CliRunner.RunAsync("graph", file);
            Assert.Equal(1, exit);
            Assert.Equal("", output);
            Assert.Contains("Nowhere", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Statuses_from_a_history_follow_previousEventId_to_the_state_of_each_failure()
    {
        // A Fail state inside a Parallel branch, as AWS records it (conformance: test_parallel_state_fail), after a
        // task whose error a Catcher took.
        var events = JsonValue.Parse("""
            [{"id":1,"previousEventId":0,"type":"ExecutionStarted"},
             {"id":2,"previousEventId":0,"type":"TaskStateEntered","stateEnteredEventDetails":{"name":"Charge"}},
             {"id":3,"previousEventId":2,"type":"TaskScheduled"},
             {"id":4,"previousEventId":3,"type":"TaskFailed","taskFailedEventDetails":{"error":"Declined"}},
             {"id":5,"previousEventId":4,"type":"TaskStateExited","stateExitedEventDetails":{"name":"Charge"}},
             {"id":6,"previousEventId":5,"type":"ParallelStateEntered","stateEnteredEventDetails":{"name":"Fan"}},
             {"id":7,"previousEventId":6,"type":"ParallelStateStarted"},
             {"id":8,"previousEventId":7,"type":"FailStateEntered","stateEnteredEventDetails":{"name":"Stop"}},
             {"id":9,"previousEventId":8,"type":"ParallelStateFailed"},
             {"id":10,"previousEventId":9,"type":"ExecutionFailed","executionFailedEventDetails":{"error":"Stopped"}}]
            """).AsArray();
        var list = new List<JsonObject>();
        foreach (var e in events)
        {
            list.Add(e.AsObject());
        }

        var statuses = ExecutionStatuses.FromHistory(list, "FAILED");
        Assert.Equal(StateRunStatus.Caught, statuses["Charge"]);
        Assert.Equal(StateRunStatus.Failed, statuses["Fan"]);
        Assert.Equal(StateRunStatus.Failed, statuses["Stop"]);
    }
}
