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
}
