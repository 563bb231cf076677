using Stepwise.Hosting.Tests.TestSupport;
using Stepwise.Integrations.Configuration;
using Stepwise.Json;
using Stepwise.Runtime;
using Stepwise.Storage.Executions;

namespace Stepwise.Hosting.Tests.Durable;

/// <summary>Distributed Maps on the durable engine: the ItemReader is durable work like a task.</summary>
public sealed class DistributedMapTests : IDisposable
{
    private const string ReaderMachine = """
        {'StartAt':'M','States':{'M':{'Type':'Map','End':true,
          'ItemReader':{'Resource':'arn:aws:states:::s3:getObject','ReaderConfig':{'InputType':'JSONL'},'Parameters':{'Bucket':'b','Key.$':'$.key'}},
          'ItemBatcher':{'MaxItemsPerBatch':2,'BatchInput':{'key.$':'$.key'}},
          'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'STANDARD'},'StartAt':'I','States':{'I':{'Type':'Pass','End':true}}}}}}
        """;

    private readonly string _root = Directory.CreateTempSubdirectory("stepwise-items-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private DurableHarness Harness() =>
        new(configure: options => options.Integrations = new IntegrationsConfiguration { S3LocalRoot = _root });

    [Fact]
    public async Task A_durable_execution_reads_its_Map_items_from_the_local_root_and_batches_them()
    {
        Directory.CreateDirectory(Path.Combine(_root, "b"));
        await File.WriteAllTextAsync(Path.Combine(_root, "b", "items.jsonl"), "{\"n\":1}\n{\"n\":2}\n{\"n\":3}\n");
        await using var harness = Harness();
        await harness.Engine.StartAsync();
        string machine = await harness.CreateAsync(ReaderMachine);

        var result = await harness.RunAsync(machine, "{\"key\":\"items.jsonl\"}");

        Assert.Equal(ExecutionStatuses.Succeeded, result.Status);
        Assert.Equal(JsonValue.Parse("""[{"BatchInput":{"key":"items.jsonl"},"Items":[{"n":1},{"n":2}]},{"BatchInput":{"key":"items.jsonl"},"Items":[{"n":3}]}]"""),
            JsonValue.Parse(result.Output!));
        var history = await harness.HistoryAsync(result.ExecutionArn);
        HistoryAssert.IsWellFormed(history);
        Assert.Equal(["ExecutionStarted", "MapStateEntered", "MapStateStarted", "MapRunStarted", "MapRunSucceeded", "MapStateSucceeded", "MapStateExited", "ExecutionSucceeded"],
            HistoryAssert.Types(history));
        var run = Assert.Single(await harness.Engine.ListMapRunsAsync(result.ExecutionArn));
        Assert.Equal((MapRunStatuses.Succeeded, 3L, 3L), (run.Status, run.ItemCounts.Total, run.ItemCounts.Succeeded));
        Assert.Equal((2L, 2L), (run.ExecutionCounts.Total, run.ExecutionCounts.Succeeded));
        Assert.Empty(harness.Errors);
    }

    [Fact]
    public async Task A_reader_that_fails_records_MapRunFailed_and_fails_the_execution_with_States_ItemReaderFailed()
    {
        await using var harness = Harness();
        await harness.Engine.StartAsync();
        string machine = await harness.CreateAsync(ReaderMachine);

        var result = await harness.RunAsync(machine, "{\"key\":\"missing.jsonl\"}");

        Assert.Equal(ExecutionStatuses.Failed, result.Status);
        Assert.Equal("States.ItemReaderFailed", result.Error);
        var history = await harness.HistoryAsync(result.ExecutionArn);
        Assert.Equal(["ExecutionStarted", "MapStateEntered", "MapStateStarted", "MapRunStarted", "MapRunFailed", "MapStateFailed", "ExecutionFailed"],
            HistoryAssert.Types(history));
    }

    private static string ChildMachine(string type, string itemState) => """
        {'StartAt':'M','States':{'M':{'Type':'Map','Label':'L','MaxConcurrency':1,'End':true,
          'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'TYPE'},'StartAt':'I','States':{'I':ITEM}}}}}
        """.Replace("TYPE", type, StringComparison.Ordinal).Replace("ITEM", itemState, StringComparison.Ordinal);

    private static async Task<List<ExecutionRecord>> ChildrenAsync(DurableHarness harness, string mapRunArn) =>
        [.. (await harness.Store.Executions.ListByMapRunAsync(mapRunArn, null, null, Storage.Paging.PageRequest.First(100))).Items];

    [Fact]
    public async Task STANDARD_children_are_durable_executions_with_their_own_history_and_the_run_is_kept_in_the_store()
    {
        await using var harness = Harness();
        await harness.Engine.StartAsync();
        string machine = await harness.CreateAsync(ChildMachine("STANDARD", "{'Type':'Pass','End':true}"));

        var result = await harness.RunAsync(machine, "[1,2,3]");

        Assert.Equal(ExecutionStatuses.Succeeded, result.Status);
        Assert.Equal("[1,2,3]", JsonValue.Parse(result.Output!).ToJsonString());
        var run = Assert.Single(await harness.Engine.ListMapRunsAsync(result.ExecutionArn));
        Assert.Equal((MapRunStatuses.Succeeded, 3L, 3L), (run.Status, run.ItemCounts.Succeeded, run.ExecutionCounts.Succeeded));
        Assert.Equal(run.Status, (await harness.Store.MapRuns.GetAsync(run.MapRunArn))!.Status);
        var children = await ChildrenAsync(harness, run.MapRunArn);
        Assert.Equal(3, children.Count);
        Assert.All(children, child => Assert.Equal(ExecutionStatuses.Succeeded, child.Status));
        Assert.Contains(":execution:machine/L:", children[0].ExecutionArn, StringComparison.Ordinal);
        Assert.Equal(["ExecutionStarted", "PassStateEntered", "PassStateExited", "ExecutionSucceeded"],
            HistoryAssert.Types(await harness.HistoryAsync(children[0].ExecutionArn)));
        Assert.Empty(harness.Errors);
    }

    [Fact]
    public async Task EXPRESS_children_run_in_memory_and_leave_no_execution_behind()
    {
        await using var harness = Harness();
        await harness.Engine.StartAsync();
        string machine = await harness.CreateAsync(ChildMachine("EXPRESS", "{'Type':'Pass','End':true}"));

        var result = await harness.RunAsync(machine, "[1,2]");

        Assert.Equal("[1,2]", JsonValue.Parse(result.Output!).ToJsonString());
        var run = Assert.Single(await harness.Engine.ListMapRunsAsync(result.ExecutionArn));
        Assert.Equal(2L, run.ExecutionCounts.Succeeded);
        Assert.Empty(await ChildrenAsync(harness, run.MapRunArn));
    }

    [Fact]
    public async Task A_run_cut_by_a_crash_resumes_on_restart_without_running_its_finished_STANDARD_children_again()
    {
        await using var harness = Harness();
        await harness.Engine.StartAsync();
        string machine = await harness.CreateAsync(ChildMachine("STANDARD", "{'Type':'Wait','Seconds':10,'End':true}"));
        var started = await harness.Engine.StartExecutionAsync(machine, JsonValue.Parse("[1,2]"));
        string? mapRunArn = null;
        await harness.AdvanceUntilAsync(async () =>
        {
            mapRunArn ??= (await harness.Engine.ListMapRunsAsync(started.ExecutionArn)).FirstOrDefault()?.MapRunArn;
            return mapRunArn is not null && (await ChildrenAsync(harness, mapRunArn)).Count(c => c.Status == ExecutionStatuses.Succeeded) == 1;
        }, TimeSpan.FromSeconds(60));

        var restarted = await harness.CrashAndReplaceAsync();
        await restarted.StartAsync();
        await harness.AdvanceUntilAsync(() => harness.IsFinishedAsync(started.ExecutionArn), TimeSpan.FromSeconds(300));

        var result = await harness.WaitAsync(started.ExecutionArn);
        Assert.True(result.Status == ExecutionStatuses.Succeeded, $"{result.Status} {result.Error} {result.Cause} {string.Join(" | ", harness.Errors)}");
        Assert.Equal("[1,2]", JsonValue.Parse(result.Output!).ToJsonString());
        Assert.Equal(2, (await ChildrenAsync(harness, mapRunArn!)).Count);
        Assert.Equal(MapRunStatuses.Succeeded, (await harness.Store.MapRuns.GetAsync(mapRunArn!))!.Status);
    }
}
