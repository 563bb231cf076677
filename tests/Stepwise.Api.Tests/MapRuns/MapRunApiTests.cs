using Stepwise.Json;

namespace Stepwise.Api.Tests.MapRuns;

public sealed class MapRunApiTests
{
    private static string DistributedMap(string itemState) => """
        {"StartAt":"Fan","States":{"Fan":{"Type":"Map","Label":"Fan","MaxConcurrency":1,"End":true,
          "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"Item",
            "States":{"Item":
        """ + itemState + "}}}}}";

    private static async Task<string> StartAsync(ApiServer server, string machineArn, string input) =>
        (await server.CallOkAsync("StartExecution", $$"""{"stateMachineArn":"{{machineArn}}","input":{{ApiServer.Quote(input)}}}"""))
            ["executionArn"]!.AsString();

    [Fact]
    public async Task A_finished_map_run_is_listed_and_described_with_its_item_counts()
    {
        await using var server = await ApiServer.StartAsync();
        string machineArn = await server.CreateStateMachineAsync("fan", DistributedMap("""{"Type":"Pass","End":true}"""));
        string executionArn = await StartAsync(server, machineArn, "[1,2,3]");
        await server.Engine.WaitForExecutionAsync(executionArn);

        var listed = await server.CallOkAsync("ListMapRuns", $$"""{"executionArn":"{{executionArn}}"}""");
        var run = Assert.Single(listed["mapRuns"]!.AsArray()).AsObject();
        string mapRunArn = run["mapRunArn"]!.AsString();
        var described = await server.CallOkAsync("DescribeMapRun", $$"""{"mapRunArn":"{{mapRunArn}}"}""");

        Assert.Equal(executionArn, run["executionArn"]!.AsString());
        Assert.Equal(machineArn, run["stateMachineArn"]!.AsString());
        Assert.StartsWith("arn:aws:states:us-east-1:123456789012:mapRun:fan/Fan:", mapRunArn, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Number, run["stopDate"]!.Kind);
        Assert.Equal("SUCCEEDED", described["status"]!.AsString());
        Assert.Equal(executionArn, described["executionArn"]!.AsString());
        Assert.Equal(1, described["maxConcurrency"]!.AsNumber().ToDouble());
        var items = described["itemCounts"]!.AsObject();
        Assert.Equal((3.0, 3.0, 0.0, 0.0), (items["succeeded"]!.AsNumber().ToDouble(), items["total"]!.AsNumber().ToDouble(),
            items["pending"]!.AsNumber().ToDouble(), items["running"]!.AsNumber().ToDouble()));
        Assert.Equal(items.ToJsonString(), described["executionCounts"]!.ToJsonString());
    }

    [Fact]
    public async Task UpdateMapRun_raises_a_running_runs_MaxConcurrency_so_the_queued_item_starts()
    {
        await using var server = await ApiServer.StartAsync();
        string machineArn = await server.CreateStateMachineAsync("fan", DistributedMap("""{"Type":"Wait","Seconds":3600,"End":true}"""));
        string executionArn = await StartAsync(server, machineArn, "[1,2]");
        var before = await DescribeWhenAsync(server, executionArn, counts => counts["running"]!.AsNumber().ToDouble() == 1);

        await server.CallOkAsync("UpdateMapRun", $$"""{"mapRunArn":"{{before["mapRunArn"]!.AsString()}}","maxConcurrency":5,"toleratedFailureCount":1}""");
        var after = await DescribeWhenAsync(server, executionArn, counts => counts["running"]!.AsNumber().ToDouble() == 2);

        Assert.Equal("RUNNING", before["status"]!.AsString());
        Assert.Equal(1, before["itemCounts"]!.AsObject()["pending"]!.AsNumber().ToDouble());
        Assert.Equal("RUNNING", after["status"]!.AsString());
        Assert.Equal(5, after["maxConcurrency"]!.AsNumber().ToDouble());
        Assert.Equal(1, after["toleratedFailureCount"]!.AsNumber().ToDouble());
        Assert.Equal(0, after["itemCounts"]!.AsObject()["pending"]!.AsNumber().ToDouble());
        await server.CallOkAsync("StopExecution", $$"""{"executionArn":"{{executionArn}}"}""");
    }

    [Fact]
    public async Task DescribeMapRun_after_RedriveExecution_shows_the_same_run_succeeded_with_redriveCount_and_redriveDate()
    {
        await using var server = await ApiServer.StartAsync();
        int failuresLeft = 1;
        server.Engine.RegisterLambda("flaky", (request, _) => (int)request.Input.AsNumber().ToDouble() == 2 && Interlocked.Decrement(ref failuresLeft) >= 0
            ? throw new Stepwise.Integrations.TaskFailedException("Item.Flaky", "fails once")
            : ValueTask.FromResult(request.Input));
        string machineArn = await server.CreateStateMachineAsync("fan",
            DistributedMap("""{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:flaky","End":true}"""));
        string executionArn = await StartAsync(server, machineArn, "[1,2,3]");
        Assert.Equal("FAILED", (await server.Engine.WaitForExecutionAsync(executionArn)).Status);
        string mapRunArn = Assert.Single((await server.CallOkAsync("ListMapRuns", $$"""{"executionArn":"{{executionArn}}"}"""))["mapRuns"]!.AsArray())
            .AsObject()["mapRunArn"]!.AsString();
        var failed = await server.CallOkAsync("DescribeMapRun", $$"""{"mapRunArn":"{{mapRunArn}}"}""");

        await server.CallOkAsync("RedriveExecution", $$"""{"executionArn":"{{executionArn}}"}""");
        var result = await server.Engine.WaitForExecutionAsync(executionArn);
        var described = await server.CallOkAsync("DescribeMapRun", $$"""{"mapRunArn":"{{mapRunArn}}"}""");

        Assert.Equal(("FAILED", 0.0), (failed["status"]!.AsString(), failed["redriveCount"]!.AsNumber().ToDouble()));
        Assert.Null(failed["redriveDate"]);
        Assert.Equal("[1,2,3]", JsonValue.Parse(result.Output!).ToJsonString());
        Assert.Equal(("SUCCEEDED", 1.0), (described["status"]!.AsString(), described["redriveCount"]!.AsNumber().ToDouble()));
        Assert.Equal(JsonValueKind.Number, described["redriveDate"]!.Kind);
        Assert.Equal(failed["startDate"]!.ToJsonString(), described["startDate"]!.ToJsonString());
        var items = described["itemCounts"]!.AsObject();
        Assert.Equal((3.0, 3.0, 0.0), (items["succeeded"]!.AsNumber().ToDouble(), items["total"]!.AsNumber().ToDouble(), items["failed"]!.AsNumber().ToDouble()));
        var runs = (await server.CallOkAsync("ListMapRuns", $$"""{"executionArn":"{{executionArn}}"}"""))["mapRuns"]!.AsArray();
        Assert.Equal(mapRunArn, Assert.Single(runs).AsObject()["mapRunArn"]!.AsString());
    }

    /// <summary>
    /// The execution's first map run once its item counts satisfy <paramref name="condition"/>: the run starts and its
    /// children run in the background, so the test waits for what it expects (at most 10 s of real time).
    /// </summary>
    private static async Task<JsonObject> DescribeWhenAsync(ApiServer server, string executionArn, Func<JsonObject, bool> condition)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var runs = (await server.CallOkAsync("ListMapRuns", $$"""{"executionArn":"{{executionArn}}"}"""))["mapRuns"]!.AsArray();
            if (runs.Count > 0)
            {
                string mapRunArn = runs[0].AsObject()["mapRunArn"]!.AsString();
                var described = await server.CallOkAsync("DescribeMapRun", $$"""{"mapRunArn":"{{mapRunArn}}"}""");
                if (condition(described["itemCounts"]!.AsObject()))
                {
                    return described;
                }
            }

            await Task.Delay(10, limit.Token);
        }
    }

    [Fact]
    public async Task Map_run_actions_answer_AWS_errors_for_unknown_malformed_and_finished_runs()
    {
        await using var server = await ApiServer.StartAsync();
        string machineArn = await server.CreateStateMachineAsync("fan", DistributedMap("""{"Type":"Pass","End":true}"""));
        string executionArn = await StartAsync(server, machineArn, "[1]");
        await server.Engine.WaitForExecutionAsync(executionArn);
        string finished = (await server.CallOkAsync("ListMapRuns", $$"""{"executionArn":"{{executionArn}}"}"""))
            ["mapRuns"]!.AsArray()[0].AsObject()["mapRunArn"]!.AsString();
        string unknown = machineArn.Replace(":stateMachine:", ":mapRun:", StringComparison.Ordinal) + "/Fan:00000000-0000-0000-0000-000000000000";

        string missing = await server.CallFailsAsync("DescribeMapRun", $$"""{"mapRunArn":"{{unknown}}"}""", "ResourceNotFound");
        await server.CallFailsAsync("UpdateMapRun", $$"""{"mapRunArn":"{{unknown}}","maxConcurrency":2}""", "ResourceNotFound");
        await server.CallFailsAsync("DescribeMapRun", """{"mapRunArn":"not-an-arn"}""", "InvalidArn");
        await server.CallFailsAsync("DescribeMapRun", $$"""{"mapRunArn":"{{executionArn}}"}""", "InvalidArn");
        await server.CallFailsAsync("ListMapRuns", $$"""{"executionArn":"{{executionArn}}x"}""", "ExecutionDoesNotExist");
        string negative = await server.CallFailsAsync("UpdateMapRun", $$"""{"mapRunArn":"{{finished}}","maxConcurrency":-1}""", "ValidationException");
        await server.CallFailsAsync("UpdateMapRun", $$"""{"mapRunArn":"{{finished}}","toleratedFailurePercentage":101}""", "ValidationException");
        string closed = await server.CallFailsAsync("UpdateMapRun", $$"""{"mapRunArn":"{{finished}}","maxConcurrency":2}""", "ValidationException");

        Assert.Contains(unknown, missing, StringComparison.Ordinal);
        Assert.Contains("'maxConcurrency' failed to satisfy constraint: Member must have value greater than or equal to 0", negative, StringComparison.Ordinal);
        Assert.Contains("SUCCEEDED", closed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListMapRuns_pages_with_maxResults_and_nextToken()
    {
        await using var server = await ApiServer.StartAsync();
        string twoRuns = """
            {"StartAt":"A","States":{
              "A":{"Type":"Map","ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"Next":"B"},
              "B":{"Type":"Map","ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"Q","States":{"Q":{"Type":"Pass","End":true}}},"End":true}}}
            """;
        string machineArn = await server.CreateStateMachineAsync("twice", twoRuns);
        string executionArn = await StartAsync(server, machineArn, "[1]");
        await server.Engine.WaitForExecutionAsync(executionArn);

        var first = await server.CallOkAsync("ListMapRuns", $$"""{"executionArn":"{{executionArn}}","maxResults":1}""");
        string token = first["nextToken"]!.AsString();
        var second = await server.CallOkAsync("ListMapRuns", $$"""{"executionArn":"{{executionArn}}","maxResults":1,"nextToken":"{{token}}"}""");

        Assert.Single(first["mapRuns"]!.AsArray());
        Assert.Single(second["mapRuns"]!.AsArray());
        Assert.Null(second["nextToken"]);
        Assert.NotEqual(first["mapRuns"]!.ToJsonString(), second["mapRuns"]!.ToJsonString());
    }
}
