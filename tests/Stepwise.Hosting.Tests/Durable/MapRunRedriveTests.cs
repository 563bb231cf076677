using System.Collections.Concurrent;
using Stepwise.Hosting.Tests.TestSupport;
using Stepwise.Integrations;
using Stepwise.Json;
using Stepwise.Runtime;
using Stepwise.Storage.Executions;
using Stepwise.Storage.Paging;
using Stepwise.Storage.Sqlite;

namespace Stepwise.Hosting.Tests.Durable;

/// <summary>
/// Redriving a parent whose distributed Map failed redrives its Map Run (AWS developer guide, "Redriving Map Runs"):
/// the same run, counted, rerunning only the children that did not succeed.
/// </summary>
public sealed class MapRunRedriveTests : IDisposable
{
    private const string Machine = """
        {'StartAt':'M','States':{'M':{'Type':'Map','Label':'L','MaxConcurrency':1,'ToleratedFailureCount':0,'End':true,
          'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'STANDARD'},'StartAt':'I','States':{
            'I':{'Type':'Task','Resource':'arn:aws:lambda:us-east-1:123456789012:function:flaky','End':true}}}}}}
        """;

    private readonly string _database = Path.Combine(Path.GetTempPath(), $"stepwise-mrredrive-{Guid.NewGuid():N}.db");

    /// <summary>How many times the handler ran per item.</summary>
    private readonly ConcurrentDictionary<int, int> _calls = new();

    public void Dispose()
    {
        foreach (string file in Directory.GetFiles(Path.GetDirectoryName(_database)!, Path.GetFileName(_database) + "*"))
        {
            File.Delete(file);
        }
    }

    /// <summary>Item <paramref name="failing"/> fails the first time it runs; every item answers <c>{"r": item * 10}</c>.</summary>
    private TaskHandler Flaky(int failing) => (request, _) =>
    {
        int item = (int)request.Input.AsNumber().ToDouble();
        int calls = _calls.AddOrUpdate(item, 1, static (_, count) => count + 1);
        if (item == failing && calls == 1)
        {
            throw new TaskFailedException("Item.Flaky", $"item {item} fails once");
        }

        return ValueTask.FromResult<JsonValue>(JsonObject.Create(("r", JsonNumber.FromDouble(item * 10))));
    };

    private static async Task<List<ExecutionRecord>> ChildrenAsync(DurableHarness harness, string mapRunArn) =>
        [.. (await harness.Store.Executions.ListByMapRunAsync(mapRunArn, null, null, PageRequest.First(100))).Items];

    [Fact]
    public async Task Redriving_the_parent_redrives_the_same_map_run_and_reruns_only_the_failed_and_never_started_items()
    {
        await using var harness = new DurableHarness(new SqliteStore(new SqliteStoreOptions { Path = _database }));
        harness.Engine.RegisterLambda("flaky", Flaky(failing: 2));
        await harness.Engine.StartAsync();
        string machine = await harness.CreateAsync(Machine, "parent");
        var failed = await harness.RunAsync(machine, "[1,2,3,4]");
        Assert.Equal((ExecutionStatuses.Failed, "States.ExceedToleratedFailureThreshold"), (failed.Status, failed.Error));
        var first = Assert.Single(await harness.Engine.ListMapRunsAsync(failed.ExecutionArn));
        Assert.Equal((MapRunStatuses.Failed, 1L, 1L, 4L), (first.Status, first.ItemCounts.Succeeded, first.ItemCounts.Failed, first.ItemCounts.Total));
        var failedChild = Assert.Single(await ChildrenAsync(harness, first.MapRunArn), c => c.Status == ExecutionStatuses.Failed);

        await harness.Engine.RedriveExecutionAsync(failed.ExecutionArn);
        var result = await harness.WaitAsync(failed.ExecutionArn);

        Assert.True(result.Status == ExecutionStatuses.Succeeded, $"{result.Status} {result.Error} {result.Cause} {string.Join(" | ", harness.Errors)}");
        Assert.Equal("[{\"r\":10},{\"r\":20},{\"r\":30},{\"r\":40}]", JsonValue.Parse(result.Output!).ToJsonString());
        // Item 1 succeeded the first time and is not run again; item 2 ran twice; items 3 and 4 never started before.
        Assert.Equal([(1, 1), (2, 2), (3, 1), (4, 1)], _calls.OrderBy(c => c.Key).Select(c => (c.Key, c.Value)));
        var history = await harness.HistoryAsync(failed.ExecutionArn);
        var types = HistoryAssert.Types(history);
        Assert.Equal(["ExecutionRedriven", "MapStateEntered", "MapStateStarted", "MapRunRedriven", "MapRunSucceeded"],
            types.SkipWhile(t => t != "ExecutionRedriven").Take(5));
        var redriven = history.Single(e => e["type"]!.AsString() == "MapRunRedriven")["mapRunRedrivenEventDetails"]!.AsObject();
        Assert.Equal(first.MapRunArn, redriven["mapRunArn"]!.AsString());
        Assert.Equal("1", redriven["redriveCount"]!.ToJsonString());

        var run = Assert.Single(await harness.Engine.ListMapRunsAsync(failed.ExecutionArn));
        Assert.Equal((first.MapRunArn, MapRunStatuses.Succeeded, 1), (run.MapRunArn, run.Status, run.RedriveCount));
        Assert.Equal(first.StartDate, run.StartDate);
        Assert.NotNull(run.RedriveDate);
        Assert.Equal((4L, 4L, 0L), (run.ItemCounts.Succeeded, run.ItemCounts.Total, run.ItemCounts.Failed));
        var stored = (await harness.Store.MapRuns.GetAsync(first.MapRunArn))!;
        Assert.Equal((MapRunStatuses.Succeeded, 1), (stored.Status, stored.RedriveCount));

        // The failed child was redriven (same ARN, its own RedriveCount 1), not started anew: four children in all.
        var children = await ChildrenAsync(harness, first.MapRunArn);
        Assert.Equal(4, children.Count);
        Assert.All(children, c => Assert.Equal(ExecutionStatuses.Succeeded, c.Status));
        var again = Assert.Single(children, c => c.ExecutionArn == failedChild.ExecutionArn);
        Assert.Equal(1, again.RedriveCount);
        Assert.Empty(harness.Errors);
    }

    [Fact]
    public async Task Redriving_a_run_of_EXPRESS_children_reruns_only_the_unsuccessful_ones_from_the_results_the_failed_run_kept()
    {
        await using var harness = new DurableHarness(new SqliteStore(new SqliteStoreOptions { Path = _database }));
        harness.Engine.RegisterLambda("flaky", Flaky(failing: 2));
        await harness.Engine.StartAsync();
        string machine = await harness.CreateAsync(Machine.Replace("'STANDARD'", "'EXPRESS'", StringComparison.Ordinal), "parent");
        var failed = await harness.RunAsync(machine, "[1,2,3,4]");
        Assert.Equal(ExecutionStatuses.Failed, failed.Status);
        string mapRunArn = Assert.Single(await harness.Engine.ListMapRunsAsync(failed.ExecutionArn)).MapRunArn;
        var kept = await harness.Store.MapRuns.ReadResultsAsync(mapRunArn).ToListAsync();
        Assert.Equal([(0L, "{\"r\":10}")], kept.Select(r => (r.Index, r.Output!)));

        await harness.Engine.RedriveExecutionAsync(failed.ExecutionArn);
        var result = await harness.WaitAsync(failed.ExecutionArn);

        Assert.True(result.Status == ExecutionStatuses.Succeeded, $"{result.Status} {result.Error} {result.Cause} {string.Join(" | ", harness.Errors)}");
        Assert.Equal("[{\"r\":10},{\"r\":20},{\"r\":30},{\"r\":40}]", JsonValue.Parse(result.Output!).ToJsonString());
        Assert.Equal([(1, 1), (2, 2), (3, 1), (4, 1)], _calls.OrderBy(c => c.Key).Select(c => (c.Key, c.Value)));
        var run = Assert.Single(await harness.Engine.ListMapRunsAsync(failed.ExecutionArn));
        Assert.Equal((mapRunArn, 1, 4L), (run.MapRunArn, run.RedriveCount, run.ExecutionCounts.Succeeded));
        Assert.Empty(harness.Errors);
    }

    [Fact]
    public async Task A_map_run_that_fails_again_can_be_redriven_a_second_time_and_counts_two()
    {
        await using var harness = new DurableHarness(new SqliteStore(new SqliteStoreOptions { Path = _database }));
        int failuresLeft = 2;
        harness.Engine.RegisterLambda("flaky", (request, _) =>
        {
            int item = (int)request.Input.AsNumber().ToDouble();
            _calls.AddOrUpdate(item, 1, static (_, count) => count + 1);
            return item == 1 && Interlocked.Decrement(ref failuresLeft) >= 0
                ? throw new TaskFailedException("Item.Flaky", "not yet")
                : ValueTask.FromResult<JsonValue>(JsonNumber.FromDouble(item));
        });
        await harness.Engine.StartAsync();
        string machine = await harness.CreateAsync(Machine, "parent");
        var failed = await harness.RunAsync(machine, "[1,2]");
        await harness.Engine.RedriveExecutionAsync(failed.ExecutionArn);
        Assert.Equal(ExecutionStatuses.Failed, (await harness.WaitAsync(failed.ExecutionArn)).Status);

        await harness.Engine.RedriveExecutionAsync(failed.ExecutionArn);
        var result = await harness.WaitAsync(failed.ExecutionArn);

        Assert.Equal(ExecutionStatuses.Succeeded, result.Status);
        Assert.Equal("[1,2]", JsonValue.Parse(result.Output!).ToJsonString());
        var run = Assert.Single(await harness.Engine.ListMapRunsAsync(failed.ExecutionArn));
        Assert.Equal(2, run.RedriveCount);
        Assert.Equal([(1, 3), (2, 1)], _calls.OrderBy(c => c.Key).Select(c => (c.Key, c.Value)));
        var redriveCounts = (await harness.HistoryAsync(failed.ExecutionArn)).Where(e => e["type"]!.AsString() == "MapRunRedriven")
            .Select(e => e["mapRunRedrivenEventDetails"]!.AsObject()["redriveCount"]!.ToJsonString());
        Assert.Equal(["1", "2"], redriveCounts);
    }
}
