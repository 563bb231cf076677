using Stepwise.Hosting.Durable;
using Stepwise.Json;
using Stepwise.Storage.MapRuns;

namespace Stepwise.Api.Tests.Executions;

/// <summary>The API's view of a Map Run's STANDARD children: ListExecutions by mapRunArn, DescribeExecution, DescribeStateMachineForExecution.</summary>
public sealed class MapRunChildApiTests
{
    private const string ItemProcessor = """{"StartAt":"Echo","States":{"Echo":{"Type":"Pass","End":true}}}""";

    private const string FailingProcessor = """{"StartAt":"F","States":{"F":{"Type":"Fail","Error":"Bad","Cause":"bad item"}}}""";

    /// <summary>A parent machine, a Map Run of it in the store, and <paramref name="children"/> children (every third one fails), all ended.</summary>
    private static async Task<(string Machine, string MapRunArn, List<string> Children)> RunChildrenAsync(ApiServer server, int children)
    {
        string machine = await server.CreateStateMachineAsync("parent");
        string parentExecution = machine.Replace(":stateMachine:", ":execution:", StringComparison.Ordinal) + ":run";
        string mapRunArn = machine.Replace(":stateMachine:", ":mapRun:", StringComparison.Ordinal) + "/Fan:7a1f0c2e-4b3d-4e5f-8a9b-0c1d2e3f4a5b";
        var none = new MapRunCounts(0, 0, 0, 0, 0, 0, 0, 0);
        await server.Engine.Store.MapRuns.CreateAsync(new MapRunRecord
        {
            MapRunArn = mapRunArn, ExecutionArn = parentExecution, StateMachineArn = machine, Status = "RUNNING", StartDate = server.Engine.Now,
            MaxConcurrency = 10, ToleratedFailureCount = -1, ToleratedFailurePercentage = -1, ItemCounts = none, ExecutionCounts = none,
        });
        var arns = new List<string>();
        for (int i = 0; i < children; i++)
        {
            var child = await server.Engine.StartMapRunChildAsync(new MapRunChildStart(mapRunArn, i, $"child-{i}",
                JsonValue.Parse($$"""{"i":{{i}}}"""), i % 3 == 2 ? FailingProcessor : ItemProcessor), CancellationToken.None);
            await server.Engine.WaitForExecutionAsync(child.ExecutionArn);
            arns.Add(child.ExecutionArn);
        }

        return (machine, mapRunArn, arns);
    }

    [Fact]
    public async Task ListExecutions_by_mapRunArn_lists_the_run_s_children_newest_first_in_pages_with_a_status_filter()
    {
        await using var server = await ApiServer.StartAsync();
        var (machine, mapRunArn, children) = await RunChildrenAsync(server, 5);

        var first = await server.CallOkAsync("ListExecutions", $$"""{"mapRunArn":"{{mapRunArn}}","maxResults":3}""");
        var second = await server.CallOkAsync("ListExecutions", $$"""{"mapRunArn":"{{mapRunArn}}","maxResults":3,"nextToken":"{{first["nextToken"]!.AsString()}}"}""");
        var failed = await server.CallOkAsync("ListExecutions", $$"""{"mapRunArn":"{{mapRunArn}}","statusFilter":"FAILED"}""");
        var byMachine = await server.CallOkAsync("ListExecutions", $$"""{"stateMachineArn":"{{machine}}"}""");

        var listed = first["executions"]!.AsArray().Concat(second["executions"]!.AsArray()).Select(e => e.AsObject()).ToList();
        Assert.Equal(Enumerable.Reverse(children), listed.Select(e => e["executionArn"]!.AsString()));
        Assert.All(listed, e => Assert.Equal(mapRunArn, e["mapRunArn"]!.AsString()));
        Assert.Equal(machine + "/Fan", listed[0]["stateMachineArn"]!.AsString());
        Assert.Null(second["nextToken"]);
        Assert.Equal([children[2]], failed["executions"]!.AsArray().Select(e => e.AsObject()["executionArn"]!.AsString()));
        Assert.Empty(byMachine["executions"]!.AsArray());
    }

    [Fact]
    public async Task ListExecutions_refuses_both_targets_an_unknown_map_run_and_a_malformed_one_in_AWS_s_shapes()
    {
        await using var server = await ApiServer.StartAsync();
        var (machine, mapRunArn, _) = await RunChildrenAsync(server, 1);

        string both = await server.CallFailsAsync("ListExecutions", $$"""{"stateMachineArn":"{{machine}}","mapRunArn":"{{mapRunArn}}"}""", "ValidationException");
        string unknown = await server.CallFailsAsync("ListExecutions", $$"""{"mapRunArn":"{{mapRunArn}}0"}""", "ResourceNotFound");
        await server.CallFailsAsync("ListExecutions", """{"mapRunArn":"arn:aws:states:us-east-1:123456789012:mapRun:parent"}""", "InvalidArn");
        await server.CallFailsAsync("ListExecutions", $$"""{"mapRunArn":"{{mapRunArn}}","redriveFilter":"SOMETIMES"}""", "ValidationException");

        Assert.Contains("stateMachineArn", both, StringComparison.Ordinal);
        Assert.Contains("mapRunArn", both, StringComparison.Ordinal);
        Assert.Contains(mapRunArn + "0", unknown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redriveFilter_keeps_children_never_redriven_or_none()
    {
        await using var server = await ApiServer.StartAsync();
        var (_, mapRunArn, children) = await RunChildrenAsync(server, 2);

        var notRedriven = await server.CallOkAsync("ListExecutions", $$"""{"mapRunArn":"{{mapRunArn}}","redriveFilter":"NOT_REDRIVEN"}""");
        var redriven = await server.CallOkAsync("ListExecutions", $$"""{"mapRunArn":"{{mapRunArn}}","redriveFilter":"REDRIVEN"}""");

        Assert.Equal(children.Count, notRedriven["executions"]!.AsArray().Count);
        Assert.Empty(redriven["executions"]!.AsArray());
    }

    [Fact]
    public async Task DescribeExecution_and_GetExecutionHistory_of_a_child_show_its_map_run_and_its_own_history()
    {
        await using var server = await ApiServer.StartAsync();
        var (machine, mapRunArn, children) = await RunChildrenAsync(server, 1);

        var described = await server.CallOkAsync("DescribeExecution", $$"""{"executionArn":"{{children[0]}}"}""");
        var history = await server.CallOkAsync("GetExecutionHistory", $$"""{"executionArn":"{{children[0]}}"}""");

        Assert.Equal(machine.Replace(":stateMachine:", ":execution:", StringComparison.Ordinal) + "/Fan:child-0", children[0]);
        Assert.Equal(mapRunArn, described["mapRunArn"]!.AsString());
        Assert.Equal(machine + "/Fan", described["stateMachineArn"]!.AsString());
        Assert.Equal("SUCCEEDED", described["status"]!.AsString());
        Assert.Equal("""{"i":0}""", described["output"]!.AsString());
        var types = history["events"]!.AsArray().Select(e => e.AsObject()["type"]!.AsString()).ToList();
        Assert.Equal(["ExecutionStarted", "PassStateEntered", "PassStateExited", "ExecutionSucceeded"], types);
    }

    [Fact]
    public async Task DescribeStateMachineForExecution_of_a_child_returns_the_ItemProcessor_its_map_run_and_label()
    {
        await using var server = await ApiServer.StartAsync();
        var (machine, mapRunArn, children) = await RunChildrenAsync(server, 1);

        var described = await server.CallOkAsync("DescribeStateMachineForExecution", $$"""{"executionArn":"{{children[0]}}"}""");
        var parent = await server.CallOkAsync("DescribeStateMachineForExecution",
            $$"""{"executionArn":"{{(await server.Engine.StartExecutionAsync(machine, JsonObject.Empty)).ExecutionArn}}"}""");

        Assert.Equal(machine + "/Fan", described["stateMachineArn"]!.AsString());
        Assert.Equal("parent", described["name"]!.AsString());
        Assert.Equal(JsonValue.Parse(ItemProcessor), JsonValue.Parse(described["definition"]!.AsString()));
        Assert.Equal(mapRunArn, described["mapRunArn"]!.AsString());
        Assert.Equal("Fan", described["label"]!.AsString());
        Assert.Equal("arn:aws:iam::123456789012:role/r", described["roleArn"]!.AsString());
        Assert.Null(parent["mapRunArn"]);
        Assert.Null(parent["label"]);
    }
}
