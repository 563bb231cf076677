using Stepwise.Storage.Executions;
using Stepwise.Storage.Paging;
using Stepwise.Storage.Timers;
using static Stepwise.Storage.Tests.Contract.StoreFixtures;

namespace Stepwise.Storage.Tests.Contract;

public abstract partial class StoreContract
{
    [Fact]
    public async Task Due_timers_come_in_due_time_order_and_later_ones_wait()
    {
        var store = await NewStoreAsync();
        var e1 = Execution("m", "e1");
        var e2 = Execution("m", "e2");
        await store.Executions.CreateAsync(e1, FirstStep(e1) with
        {
            TimersToStart = [Timer(e1.ExecutionArn, 1, At(30)), Timer(e1.ExecutionArn, 2, At(10)), Timer(e1.ExecutionArn, 3, At(90))],
        });
        await store.Executions.CreateAsync(e2, FirstStep(e2) with { TimersToStart = [Timer(e2.ExecutionArn, 1, At(20)), Timer(e2.ExecutionArn, 2, At(10))] });

        Assert.Equal(At(10), await store.Timers.GetNextDueTimeAsync());
        var due = await store.Timers.LeaseDueAsync(At(30), s_lease, 10);

        Assert.Equal(
            [Timer(e1.ExecutionArn, 2, At(10)), Timer(e2.ExecutionArn, 2, At(10)), Timer(e2.ExecutionArn, 1, At(20)), Timer(e1.ExecutionArn, 1, At(30))],
            due);
    }

    [Fact]
    public async Task A_leased_timer_is_hidden_until_its_lease_expires_and_a_commit_cancels_it()
    {
        var (store, execution) = await StoreWithExecutionAsync();
        var arn = execution.ExecutionArn;
        await store.Executions.CommitAsync(new StepCommit
        {
            ExecutionArn = arn,
            ExpectedLastEventId = 2,
            Events = Events(3, 1),
            TimersToStart = [Timer(arn, 1, At(10)), Timer(arn, 2, At(11))],
        });

        Assert.Equal([Timer(arn, 1, At(10))], await store.Timers.LeaseDueAsync(At(10), s_lease, 10));
        Assert.Equal([Timer(arn, 2, At(11))], await store.Timers.LeaseDueAsync(At(12), s_lease, 10));
        Assert.Equal([Timer(arn, 1, At(10))], await store.Timers.LeaseDueAsync(At(10) + s_lease, s_lease, 1));

        await store.Executions.CommitAsync(new StepCommit { ExecutionArn = arn, ExpectedLastEventId = 3, Events = Events(4, 1), TimersToCancel = [1, 1, 99] });

        Assert.Equal([Timer(arn, 2, At(11))], await store.Timers.ListAsync(arn));
        Assert.Equal([Timer(arn, 2, At(11))], await store.Timers.LeaseDueAsync(At(100), s_lease, 10));
    }

    [Fact]
    public async Task With_no_timers_there_is_no_next_due_time()
    {
        var store = await NewStoreAsync();

        Assert.Null(await store.Timers.GetNextDueTimeAsync());
        Assert.Empty(await store.Timers.LeaseDueAsync(At(1000), s_lease, 10));
    }

    [Fact]
    public async Task A_task_token_leads_to_its_execution_and_task_until_a_commit_removes_it()
    {
        var (store, execution) = await StoreWithExecutionAsync();
        var arn = execution.ExecutionArn;
        await store.Executions.CommitAsync(new StepCommit
        {
            ExecutionArn = arn,
            ExpectedLastEventId = 2,
            Events = Events(3, 1),
            TaskTokensToAdd = [Token(arn, "token-7", 7), Token(arn, "token-8", 8)],
        });

        Assert.Equal(Token(arn, "token-7", 7), await store.TaskTokens.FindAsync("token-7"));
        Assert.Null(await store.TaskTokens.FindAsync("unknown"));

        await store.Executions.CommitAsync(new StepCommit { ExecutionArn = arn, ExpectedLastEventId = 3, Events = Events(4, 1), TaskTokensToRemove = ["token-7", "unknown"] });

        Assert.Null(await store.TaskTokens.FindAsync("token-7"));
        Assert.Equal(Token(arn, "token-8", 8), await store.TaskTokens.FindAsync("token-8"));
    }

    [Fact]
    public async Task A_claimed_activity_task_is_handed_out_again_once_its_claim_lapses_unless_a_commit_took_it()
    {
        var (store, execution) = await StoreWithExecutionAsync();
        var a = await store.Activities.CreateAsync(Activity("a"));
        await store.Activities.EnqueueTaskAsync(ActivityTask(a.ActivityArn, "t1", execution.ExecutionArn));
        await store.Activities.EnqueueTaskAsync(ActivityTask(a.ActivityArn, "t2", execution.ExecutionArn));

        Assert.Equal("t1", (await store.Activities.ClaimTaskAsync(a.ActivityArn, T0, T0 + ClaimTime))!.TaskToken);
        Assert.Equal("t2", (await store.Activities.ClaimTaskAsync(a.ActivityArn, T0, T0 + ClaimTime))!.TaskToken);
        await store.Executions.CommitAsync(new StepCommit
        {
            ExecutionArn = execution.ExecutionArn,
            ExpectedLastEventId = 2,
            Events = Events(3, 1),
            ActivityTasksToRemove = ["t2"],
        });

        Assert.Null(await store.Activities.ClaimTaskAsync(a.ActivityArn, T0 + ClaimTime - TimeSpan.FromTicks(1), T0 + ClaimTime * 2));
        Assert.Equal("t1", (await store.Activities.ClaimTaskAsync(a.ActivityArn, T0 + ClaimTime, T0 + ClaimTime * 2))!.TaskToken);
        Assert.Null(await store.Activities.ClaimTaskAsync(a.ActivityArn, T0 + ClaimTime, T0 + ClaimTime * 2));
    }

    [Fact]
    public async Task Activity_tasks_are_handed_out_first_in_first_out_once_each_per_activity()
    {
        var (store, execution) = await StoreWithExecutionAsync();
        var arn = execution.ExecutionArn;
        var a = await store.Activities.CreateAsync(Activity("a"));
        var b = await store.Activities.CreateAsync(Activity("b"));
        await store.Activities.EnqueueTaskAsync(ActivityTask(a.ActivityArn, "t1", arn));
        await store.Executions.CommitAsync(new StepCommit
        {
            ExecutionArn = arn,
            ExpectedLastEventId = 2,
            Events = Events(3, 1),
            ActivityTasksToEnqueue = [ActivityTask(b.ActivityArn, "t2", arn), ActivityTask(a.ActivityArn, "t3", arn)],
        });
        await store.Activities.EnqueueTaskAsync(ActivityTask(a.ActivityArn, "t4", arn));
        await store.Activities.EnqueueTaskAsync(ActivityTask(a.ActivityArn, "t1", arn));

        Assert.Equal(ActivityTask(a.ActivityArn, "t1", arn), await store.Activities.ClaimTaskAsync(a.ActivityArn, T0, T0 + ClaimTime));
        Assert.Equal("t3", (await store.Activities.ClaimTaskAsync(a.ActivityArn, T0, T0 + ClaimTime))!.TaskToken);
        Assert.Equal("t4", (await store.Activities.ClaimTaskAsync(a.ActivityArn, T0, T0 + ClaimTime))!.TaskToken);
        Assert.Null(await store.Activities.ClaimTaskAsync(a.ActivityArn, T0, T0 + ClaimTime));
        Assert.Equal("t2", (await store.Activities.ClaimTaskAsync(b.ActivityArn, T0, T0 + ClaimTime))!.TaskToken);
    }

    [Fact]
    public async Task A_commit_withdraws_a_queued_activity_task_by_its_token()
    {
        var (store, execution) = await StoreWithExecutionAsync();
        var a = await store.Activities.CreateAsync(Activity("a"));
        await store.Activities.EnqueueTaskAsync(ActivityTask(a.ActivityArn, "t1", execution.ExecutionArn));

        await store.Executions.CommitAsync(new StepCommit
        {
            ExecutionArn = execution.ExecutionArn,
            ExpectedLastEventId = 2,
            Events = Events(3, 1),
            ActivityTasksToRemove = ["t1"],
        });

        Assert.Null(await store.Activities.ClaimTaskAsync(a.ActivityArn, T0, T0 + ClaimTime));
    }

    [Fact]
    public async Task Creating_an_activity_again_returns_the_existing_one_and_deleting_drops_its_tasks()
    {
        var store = await NewStoreAsync();
        var created = await store.Activities.CreateAsync(Activity("a"));

        var again = await store.Activities.CreateAsync(Activity("a") with { CreationDate = At(99) });
        await store.Activities.EnqueueTaskAsync(ActivityTask(created.ActivityArn, "t1", ExecutionArn("m", "e")));

        Assert.Equal(created, again);
        Assert.Equal(created, await store.Activities.GetAsync(created.ActivityArn));
        Assert.True(await store.Activities.DeleteAsync(created.ActivityArn));
        Assert.Null(await store.Activities.GetAsync(created.ActivityArn));
        Assert.Null(await store.Activities.ClaimTaskAsync(created.ActivityArn, T0, T0 + ClaimTime));
        Assert.False(await store.Activities.DeleteAsync(created.ActivityArn));
    }

    [Fact]
    public async Task Activities_list_in_creation_order_across_pages()
    {
        var store = await NewStoreAsync();
        string[] names = ["z", "y", "x"];
        foreach (var name in names)
        {
            await store.Activities.CreateAsync(Activity(name));
        }

        var first = await store.Activities.ListAsync(PageRequest.First(2));
        var second = await store.Activities.ListAsync(new PageRequest(2, first.NextToken));

        Assert.Equal(["z", "y"], first.Items.Select(a => a.Name));
        Assert.Equal(["x"], second.Items.Select(a => a.Name));
        Assert.Null(second.NextToken);
    }
}
