using Stepwise.Hosting.Durable;
using Stepwise.Hosting.Tests.TestSupport;
using Stepwise.Integrations;
using Stepwise.Json;
using Stepwise.Storage;
using Stepwise.Storage.Executions;
using Stepwise.Storage.InMemory;
using Stepwise.Storage.Sqlite;

namespace Stepwise.Hosting.Tests.Durable;

/// <summary>WaitForExecutionAsync hands over the record of an execution its start ended, and reads the store for any other.</summary>
public sealed class WaitForExecutionTests : IDisposable
{
    private const string Short = "{'StartAt':'A','States':{'A':{'Type':'Pass','Result':{'done':true},'End':true}}}";
    private const string Failing = "{'StartAt':'F','States':{'F':{'Type':'Fail','Error':'Broken','Cause':'always'}}}";

    private readonly string _database = Path.Combine(Path.GetTempPath(), $"stepwise-wait-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        foreach (string file in Directory.GetFiles(Path.GetDirectoryName(_database)!, Path.GetFileName(_database) + "*"))
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_wait_on_an_execution_its_start_ended_reads_nothing_and_a_second_wait_reads_the_store()
    {
        var store = new CountingStore();
        await using var harness = new DurableHarness(store);
        await harness.Engine.StartAsync();
        string machine = await harness.CreateAsync(Short);
        var started = await harness.Engine.StartExecutionAsync(machine, JsonValue.Parse("{}"));
        int before = store.RecordReads;

        var first = await harness.WaitAsync(started.ExecutionArn);
        int afterFirst = store.RecordReads;
        var second = await harness.WaitAsync(started.ExecutionArn);

        Assert.Equal(before, afterFirst);
        Assert.Equal(afterFirst + 1, store.RecordReads);
        Assert.Equal(second, first);
        Assert.Equal(0, harness.Engine.WaiterCount);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_record_handed_over_is_the_one_the_store_holds(bool sqlite)
    {
        IStepwiseStore store = sqlite ? new SqliteStore(new SqliteStoreOptions { Path = _database }) : new InMemoryStore();
        await using var harness = new DurableHarness(store);
        await harness.Engine.StartAsync();
        string succeeding = await harness.CreateAsync(Short, "short");
        string failing = await harness.CreateAsync(Failing, "failing");

        foreach (string machine in new[] { succeeding, failing })
        {
            var started = await harness.Engine.StartExecutionAsync(machine, JsonValue.Parse("{\"in\":[1,2.50]}"));
            var handed = await harness.WaitAsync(started.ExecutionArn);

            Assert.NotEqual(ExecutionStatuses.Running, handed.Status);
            Assert.Equal(await store.Executions.GetAsync(started.ExecutionArn), handed);
        }
    }

    [Fact]
    public async Task A_wait_begun_before_a_later_step_ends_the_execution_is_completed_from_that_step_without_reading_again()
    {
        var store = new CountingStore();
        await using var harness = new DurableHarness(store, options => options.PollInterval = TimeSpan.FromHours(1));
        await harness.Engine.StartAsync();
        string machine = await harness.CreateAsync("{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':10,'End':true}}}");
        var started = await harness.Engine.StartExecutionAsync(machine, JsonValue.Parse("{}"));

        var waiting = harness.WaitAsync(started.ExecutionArn);
        int afterFirstRead = store.RecordReads;
        await harness.AdvanceUntilAsync(() => Task.FromResult(waiting.IsCompleted), TimeSpan.FromSeconds(30));
        var ended = await waiting;

        Assert.Equal(afterFirstRead, store.RecordReads);
        Assert.Equal(ExecutionStatuses.Succeeded, ended.Status);
        Assert.Equal(DurableHarness.Start.AddSeconds(10), ended.StopDate);
        Assert.Equal(await store.Executions.GetAsync(started.ExecutionArn), ended);
        Assert.Equal(0, harness.Engine.WaiterCount);
    }

    [Fact]
    public async Task A_wait_in_another_engine_over_the_same_store_is_handed_the_record_too()
    {
        var store = new CountingStore();
        await using var harness = new DurableHarness(store);
        await harness.Engine.StartAsync();
        string machine = await harness.CreateAsync(Short);
        var started = await harness.Engine.StartExecutionAsync(machine, JsonValue.Parse("{}"));
        await using var other = new DurableEngine(store, DurableHarness.Options(harness.Clock));
        int before = store.RecordReads;

        var seenThere = await other.WaitForExecutionAsync(started.ExecutionArn).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(before, store.RecordReads);
        Assert.Equal(await store.Executions.GetAsync(started.ExecutionArn), seenThere);
        Assert.Equal(0, other.WaiterCount);
    }

    [Fact]
    public async Task A_wait_in_an_engine_of_another_process_on_the_same_database_reads_the_record_there()
    {
        await using var harness = new DurableHarness(new SqliteStore(new SqliteStoreOptions { Path = _database }));
        await harness.Engine.StartAsync();
        string machine = await harness.CreateAsync(Short);
        var started = await harness.Engine.StartExecutionAsync(machine, JsonValue.Parse("{}"));
        await using var otherStore = new SqliteStore(new SqliteStoreOptions { Path = _database });
        await otherStore.InitializeAsync();
        await using var other = new DurableEngine(otherStore, DurableHarness.Options(harness.Clock));

        var seenThere = await other.WaitForExecutionAsync(started.ExecutionArn).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(ExecutionStatuses.Succeeded, seenThere.Status);
        Assert.Equal(await harness.WaitAsync(started.ExecutionArn), seenThere);
        Assert.Equal(0, other.WaiterCount);
    }

    [Fact]
    public async Task A_record_older_than_the_bound_is_read_from_the_store()
    {
        var store = new CountingStore();
        await using var harness = new DurableHarness(store);
        await harness.Engine.StartAsync();
        string machine = await harness.CreateAsync(Short);
        var started = await harness.Engine.StartExecutionAsync(machine, JsonValue.Parse("{}"));
        harness.Clock.Advance(EndedExecutions.MaxAge + TimeSpan.FromMilliseconds(1));
        int before = store.RecordReads;

        var ended = await harness.WaitAsync(started.ExecutionArn);

        Assert.Equal(before + 1, store.RecordReads);
        Assert.Equal(ExecutionStatuses.Succeeded, ended.Status);
    }

    [Fact]
    public async Task A_wait_after_a_redrive_through_the_engine_returns_the_redriven_run_not_the_one_its_start_ended()
    {
        await using var harness = new DurableHarness();
        await harness.Engine.StartAsync();
        string machine = await harness.CreateAsync(Failing);
        var started = await harness.Engine.StartExecutionAsync(machine, JsonValue.Parse("{}"));

        await harness.Engine.RedriveExecutionAsync(started.ExecutionArn);
        var ended = await harness.WaitAsync(started.ExecutionArn);

        Assert.Equal(ExecutionStatuses.Failed, ended.Status);
        Assert.Equal(1, ended.RedriveCount);
    }

    [Fact]
    public async Task A_wait_after_a_redrive_through_another_engine_over_the_same_store_returns_the_redriven_run()
    {
        await using var harness = new DurableHarness();
        await harness.Engine.StartAsync();
        string machine = await harness.CreateAsync(Failing);
        var started = await harness.Engine.StartExecutionAsync(machine, JsonValue.Parse("{}"));
        await using var other = new DurableEngine(harness.Store, DurableHarness.Options(harness.Clock));

        await other.RedriveExecutionAsync(started.ExecutionArn);
        var ended = await harness.WaitAsync(started.ExecutionArn);

        Assert.Equal(1, ended.RedriveCount);
    }

    [Fact]
    public void The_records_kept_are_bounded_and_the_newest_stay()
    {
        var ended = new EndedExecutions();
        var now = DurableHarness.Start;

        for (int i = 0; i < EndedExecutions.MaxEntries + 10; i++)
        {
            ended.Add(new ExecutionRecord
            {
                ExecutionArn = "arn" + i, StateMachineArn = "m", Name = "e" + i, Status = ExecutionStatuses.Succeeded, StartDate = now, Input = "{}",
            }, ended.Generation, now);
        }

        Assert.InRange(ended.Count, 1, EndedExecutions.MaxEntries);
        Assert.Null(ended.Take("arn0", now));
        Assert.Equal("e" + (EndedExecutions.MaxEntries + 9), ended.Take("arn" + (EndedExecutions.MaxEntries + 9), now)!.Name);
    }

    [Fact]
    public void Records_older_than_the_bound_are_dropped_by_a_later_add_though_nothing_takes_them()
    {
        var ended = new EndedExecutions();
        var now = DurableHarness.Start;
        static ExecutionRecord Record(string arn, DateTimeOffset at) => new()
        {
            ExecutionArn = arn, StateMachineArn = "m", Name = arn, Status = ExecutionStatuses.Succeeded, StartDate = at, Input = "{}",
        };

        ended.Add(Record("old1", now), ended.Generation, now);
        ended.Add(Record("old2", now), ended.Generation, now);
        ended.Add(Record("recent", now + EndedExecutions.MaxAge), ended.Generation, now + EndedExecutions.MaxAge);
        ended.Add(Record("new", now + EndedExecutions.MaxAge + TimeSpan.FromMilliseconds(1)), ended.Generation, now + EndedExecutions.MaxAge + TimeSpan.FromMilliseconds(1));

        Assert.Equal(2, ended.Count);
        Assert.NotNull(ended.Take("recent", now + EndedExecutions.MaxAge));
        Assert.NotNull(ended.Take("new", now + EndedExecutions.MaxAge + TimeSpan.FromMilliseconds(1)));
    }

    [Fact]
    public void A_record_read_for_before_a_forget_is_not_kept()
    {
        var ended = new EndedExecutions();
        var now = DurableHarness.Start;
        var record = new ExecutionRecord
        {
            ExecutionArn = "arn", StateMachineArn = "m", Name = "e", Status = ExecutionStatuses.Failed, StartDate = now, Input = "{}",
        };
        long before = ended.Generation;

        // A redrive forgets (and commits) between the start's commit and its add.
        ended.Forget("arn");
        ended.Add(record, before, now);

        Assert.Null(ended.Take("arn", now));
        ended.Add(record, ended.Generation, now);
        Assert.NotNull(ended.Take("arn", now));
    }

    [Fact]
    public async Task A_wait_that_reads_a_redriven_run_running_is_not_completed_by_the_end_of_the_run_before()
    {
        const string Calling = "{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:lambda:us-east-1:123456789012:function:call','End':true}}}";
        var store = new CountingStore();
        await using var harness = new DurableHarness(store);
        var firstCall = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondCall = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int calls = 0;
        harness.Engine.RegisterLambda("call", async (request, ct) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                await firstCall.Task.WaitAsync(ct);
                throw new TaskFailedException("Broken", "first run");
            }

            await secondCall.Task.WaitAsync(ct);
            return JsonValue.Parse("\"second\"");
        });
        await harness.Engine.StartAsync();
        string machine = await harness.CreateAsync(Calling.Replace('\'', '"'));
        var started = await harness.Engine.StartExecutionAsync(machine, JsonValue.Parse("{}"));

        // The wait registers, then its read is held until run 0 has ended (signalling the wait) and run 1 is running.
        var read = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reading = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        store.BeforeNextRecordRead = () =>
        {
            reading.TrySetResult();
            return read.Task;
        };
        var waiting = harness.Engine.WaitForExecutionAsync(started.ExecutionArn);
        await reading.Task.WaitAsync(TimeSpan.FromSeconds(20));
        firstCall.SetResult();
        for (var limit = DateTime.UtcNow.AddSeconds(20); (await store.Executions.GetAsync(started.ExecutionArn))!.Status != ExecutionStatuses.Failed;)
        {
            Assert.True(DateTime.UtcNow < limit, "Run 0 did not fail.");
            await Task.Delay(5);
        }

        await harness.Engine.RedriveExecutionAsync(started.ExecutionArn);
        read.SetResult();

        await Task.Delay(200);
        Assert.False(waiting.IsCompleted, "the wait was completed from the end of the run before the redrive");
        secondCall.SetResult();
        var ended = await waiting.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(ExecutionStatuses.Succeeded, ended.Status);
        Assert.Equal(1, ended.RedriveCount);
    }
}
