using Stepwise.Storage.Executions;
using Stepwise.Storage.Paging;
using static Stepwise.Storage.Tests.Contract.StoreFixtures;

namespace Stepwise.Storage.Tests.Contract;

public abstract partial class StoreContract
{
    private static readonly string[] s_commitStages =
        [CommitStages.Events, CommitStages.Snapshot, CommitStages.Timers, CommitStages.Work, CommitStages.TaskTokens, CommitStages.ActivityTasks];

    public static TheoryData<string> CommitStageNames() => new(s_commitStages);

    [Fact]
    public async Task A_created_execution_reads_back_with_its_first_step()
    {
        var (store, execution) = await StoreWithExecutionAsync();

        Assert.Equal(execution with { LastEventId = 2 }, await store.Executions.GetAsync(execution.ExecutionArn));
        Assert.Equal(new StoredSnapshot(execution.ExecutionArn, 2, "snapshot-1"), await store.Executions.GetSnapshotAsync(execution.ExecutionArn));
        var history = await store.Executions.GetHistoryAsync(execution.ExecutionArn, false, PageRequest.First(100));
        Assert.Equal(Events(1, 2), history.Items);
        Assert.Null(history.NextToken);
    }

    [Fact]
    public async Task A_first_step_that_ends_the_execution_creates_it_ended_and_waiting_on_nothing()
    {
        var store = await NewStoreAsync();
        var activity = Activity("worker");
        await store.Activities.CreateAsync(activity);
        var execution = Execution("m", "short");
        var arn = execution.ExecutionArn;

        await store.Executions.CreateAsync(execution, FirstStep(execution, 3) with
        {
            Snapshot = "ended",
            Completion = new ExecutionCompletion(ExecutionStatuses.Failed, At(1), Error: "E", Cause: "C", RedriveStatus: ExecutionRedriveStatuses.Redrivable),
            TimersToStart = [Timer(arn, 1, At(10))],
            WorkToEnqueue = [Item("answer-parent", executionArn: arn)],
            TaskTokensToAdd = [Token(arn, "token")],
            ActivityTasksToEnqueue = [ActivityTask(activity.ActivityArn, "token", arn)],
        });

        Assert.Equal(execution with
        {
            LastEventId = 3, Status = ExecutionStatuses.Failed, StopDate = At(1), Error = "E", Cause = "C", RedriveStatus = ExecutionRedriveStatuses.Redrivable,
            RedriveStatusReason = null,
        }, await store.Executions.GetAsync(arn));
        Assert.Equal(new StoredSnapshot(arn, 3, "ended"), await store.Executions.GetSnapshotAsync(arn));
        Assert.Empty(await store.Timers.ListAsync(arn));
        Assert.Null(await store.TaskTokens.FindAsync("token"));
        Assert.Null(await store.Activities.ClaimTaskAsync(activity.ActivityArn, T0, T0 + ClaimTime));
        Assert.Single(await store.Work.LeaseAsync("node-a", T0, ClaimTime, 10));
    }

    [Fact]
    public async Task Instants_read_back_exactly_whatever_their_offset()
    {
        var store = await NewStoreAsync();
        var start = new DateTimeOffset(2026, 11, 21, 9, 30, 15, TimeSpan.FromHours(2)).AddTicks(1_234_567);
        var execution = Execution("m", "precise", start);
        var firstStep = FirstStep(execution, 1) with
        {
            Events = [new StoredEvent(1, "ExecutionStarted", start.AddTicks(1), "{}")],
            TimersToStart = [Timer(execution.ExecutionArn, 1, start.AddTicks(3))],
        };

        await store.Executions.CreateAsync(execution, firstStep);

        var stored = (await store.Executions.GetAsync(execution.ExecutionArn))!;
        Assert.Equal(start.UtcTicks, stored.StartDate.UtcTicks);
        Assert.Equal(start.AddTicks(1).UtcTicks, (await store.Executions.GetHistoryAsync(execution.ExecutionArn, false, PageRequest.First(1))).Items[0].Timestamp.UtcTicks);
        Assert.Equal(start.AddTicks(3).UtcTicks, (await store.Timers.GetNextDueTimeAsync())!.Value.UtcTicks);
        Assert.Empty(await store.Timers.LeaseDueAsync(start.AddTicks(2), TimeSpan.FromSeconds(1), 10));
        Assert.Single(await store.Timers.LeaseDueAsync(start.AddTicks(3), TimeSpan.FromSeconds(1), 10));
    }

    [Fact]
    public async Task Creating_an_execution_twice_is_rejected_and_keeps_the_first()
    {
        var (store, execution) = await StoreWithExecutionAsync();
        var again = execution with { Input = "{}" };

        var error = await Assert.ThrowsAsync<ResourceAlreadyExistsException>(
            () => store.Executions.CreateAsync(again, FirstStep(again, 1) with { Snapshot = "other" }).AsTask());

        Assert.Equal(ResourceKinds.Execution, error.ResourceKind);
        Assert.Equal(execution.Input, (await store.Executions.GetAsync(execution.ExecutionArn))!.Input);
        Assert.Equal("snapshot-1", (await store.Executions.GetSnapshotAsync(execution.ExecutionArn))!.Json);
    }

    [Fact]
    public async Task A_missing_execution_reads_as_null_and_cannot_be_committed_to()
    {
        var store = await NewStoreAsync();
        var arn = ExecutionArn("m", "missing");

        Assert.Null(await store.Executions.GetAsync(arn));
        Assert.Null(await store.Executions.GetSnapshotAsync(arn));
        Assert.Empty((await store.Executions.GetHistoryAsync(arn, false, PageRequest.First(10))).Items);
        await Assert.ThrowsAsync<ResourceNotFoundException>(
            () => store.Executions.CommitAsync(new StepCommit { ExecutionArn = arn, ExpectedLastEventId = 0 }).AsTask());
    }

    [Fact]
    public async Task A_commit_appends_its_events_replaces_the_snapshot_and_returns_the_new_last_event_id()
    {
        var (store, execution) = await StoreWithExecutionAsync();

        var last = await store.Executions.CommitAsync(new StepCommit
        {
            ExecutionArn = execution.ExecutionArn,
            ExpectedLastEventId = 2,
            Events = Events(3, 3),
            Snapshot = "snapshot-2",
        });

        Assert.Equal(5, last.LastEventId);
        Assert.Empty(last.LeasedWork);
        Assert.Equal(new StoredSnapshot(execution.ExecutionArn, 5, "snapshot-2"), await store.Executions.GetSnapshotAsync(execution.ExecutionArn));
        Assert.Equal(5, (await store.Executions.GetAsync(execution.ExecutionArn))!.LastEventId);
        Assert.Equal([.. Events(1, 2), .. Events(3, 3)], (await store.Executions.GetHistoryAsync(execution.ExecutionArn, false, PageRequest.First(100))).Items);
    }

    [Fact]
    public async Task A_commit_with_a_stale_expected_event_id_conflicts_and_writes_nothing()
    {
        var (store, execution) = await StoreWithExecutionAsync();
        await store.Executions.CommitAsync(new StepCommit { ExecutionArn = execution.ExecutionArn, ExpectedLastEventId = 2, Events = Events(3, 1), Snapshot = "winner" });

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.Executions.CommitAsync(new StepCommit
        {
            ExecutionArn = execution.ExecutionArn,
            ExpectedLastEventId = 2,
            Events = Events(3, 2),
            Snapshot = "loser",
            TimersToStart = [Timer(execution.ExecutionArn, 1, At(10))],
            WorkToEnqueue = [Item("loser-work")],
        }).AsTask());

        Assert.Equal(2, conflict.ExpectedLastEventId);
        Assert.Equal(3, conflict.ActualLastEventId);
        Assert.Equal("winner", (await store.Executions.GetSnapshotAsync(execution.ExecutionArn))!.Json);
        Assert.Equal(3, (await store.Executions.GetHistoryAsync(execution.ExecutionArn, false, PageRequest.First(100))).Items.Count);
        Assert.Empty(await store.Timers.ListAsync(execution.ExecutionArn));
        Assert.Null(await store.Work.GetNextAvailableAtAsync());
    }

    [Fact]
    public async Task A_commit_whose_event_ids_do_not_follow_the_expected_one_is_a_caller_error()
    {
        var (store, execution) = await StoreWithExecutionAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => store.Executions.CommitAsync(new StepCommit
        {
            ExecutionArn = execution.ExecutionArn,
            ExpectedLastEventId = 2,
            Events = [Event(3), Event(5)],
        }).AsTask());

        Assert.Equal(2, (await store.Executions.GetAsync(execution.ExecutionArn))!.LastEventId);
    }

    [Theory]
    [MemberData(nameof(CommitStageNames))]
    public async Task A_failure_injected_mid_commit_leaves_nothing_of_the_commit(string failingStage)
    {
        var armed = false;
        var (store, execution) = await StoreWithExecutionAsync(stage =>
        {
            if (armed && stage == failingStage)
            {
                throw new InvalidOperationException("injected at " + stage);
            }
        });
        var arn = execution.ExecutionArn;
        var activity = await store.Activities.CreateAsync(Activity("a"));
        await store.Executions.CommitAsync(new StepCommit
        {
            ExecutionArn = arn,
            ExpectedLastEventId = 2,
            Events = Events(3, 1),
            Snapshot = "before",
            TimersToStart = [Timer(arn, 1, At(10))],
            TaskTokensToAdd = [Token(arn, "old-token")],
        });
        await store.Work.EnqueueAsync(Item("consumed"));
        var lease = (await store.Work.LeaseAsync("node-a", T0, TimeSpan.FromMinutes(1), 1))[0].Lease;
        armed = true;

        var injected = await Assert.ThrowsAnyAsync<Exception>(() => store.Executions.CommitAsync(new StepCommit
        {
            ExecutionArn = arn,
            ExpectedLastEventId = 3,
            Events = Events(4, 2),
            Snapshot = "after",
            Completion = new ExecutionCompletion(ExecutionStatuses.Succeeded, At(20), "{}"),
            TimersToStart = [Timer(arn, 2, At(30))],
            TimersToCancel = [1],
            WorkToEnqueue = [Item("new-work")],
            TaskTokensToAdd = [Token(arn, "new-token", 2)],
            TaskTokensToRemove = ["old-token"],
            ActivityTasksToEnqueue = [ActivityTask(activity.ActivityArn, "new-token", arn)],
            CompletesWork = lease,
        }).AsTask());

        Assert.Contains("injected at " + failingStage, injected.ToString(), StringComparison.Ordinal);
        var stored = (await store.Executions.GetAsync(arn))!;
        Assert.Equal(3, stored.LastEventId);
        Assert.Equal(ExecutionStatuses.Running, stored.Status);
        Assert.Null(stored.StopDate);
        Assert.Equal("before", (await store.Executions.GetSnapshotAsync(arn))!.Json);
        Assert.Equal(3, (await store.Executions.GetHistoryAsync(arn, false, PageRequest.First(100))).Items.Count);
        Assert.Equal([Timer(arn, 1, At(10))], await store.Timers.ListAsync(arn));
        Assert.NotNull(await store.TaskTokens.FindAsync("old-token"));
        Assert.Null(await store.TaskTokens.FindAsync("new-token"));
        Assert.Null(await store.Activities.ClaimTaskAsync(activity.ActivityArn, T0, T0 + ClaimTime));
        Assert.True(await store.Work.CompleteAsync(lease), "the consumed item is still leased to node-a");
        Assert.Null(await store.Work.GetNextAvailableAtAsync());
    }

    [Fact]
    public async Task The_same_commit_succeeds_once_the_fault_is_gone()
    {
        var fail = false;
        var (store, execution) = await StoreWithExecutionAsync(stage =>
        {
            if (fail && stage == CommitStages.Work)
            {
                throw new InvalidOperationException("injected");
            }
        });
        fail = true;
        var commit = new StepCommit { ExecutionArn = execution.ExecutionArn, ExpectedLastEventId = 2, Events = Events(3, 1), WorkToEnqueue = [Item("w")] };
        await Assert.ThrowsAnyAsync<Exception>(() => store.Executions.CommitAsync(commit).AsTask());
        fail = false;

        Assert.Equal(3, (await store.Executions.CommitAsync(commit)).LastEventId);
        Assert.Equal(T0, await store.Work.GetNextAvailableAtAsync());
    }

    [Fact]
    public async Task A_completing_commit_records_the_outcome_and_drops_what_the_execution_waited_on()
    {
        var (store, execution) = await StoreWithExecutionAsync();
        var arn = execution.ExecutionArn;
        var activity = await store.Activities.CreateAsync(Activity("a"));
        await store.Executions.CommitAsync(new StepCommit
        {
            ExecutionArn = arn,
            ExpectedLastEventId = 2,
            Events = Events(3, 1),
            TimersToStart = [Timer(arn, 1, At(10)), Timer(arn, 2, At(11))],
            TaskTokensToAdd = [Token(arn, "t1")],
            ActivityTasksToEnqueue = [ActivityTask(activity.ActivityArn, "t1", arn)],
        });

        await store.Executions.CommitAsync(new StepCommit
        {
            ExecutionArn = arn,
            ExpectedLastEventId = 3,
            Events = [Event(4, "ExecutionAborted")],
            Completion = new ExecutionCompletion(ExecutionStatuses.Aborted, At(5), Error: "States.Runtime", Cause: "stopped"),
        });

        var stored = (await store.Executions.GetAsync(arn))!;
        Assert.Equal(execution with
        {
            Status = ExecutionStatuses.Aborted,
            StopDate = At(5),
            Error = "States.Runtime",
            Cause = "stopped",
            LastEventId = 4,
        }, stored);
        Assert.Empty(await store.Timers.ListAsync(arn));
        Assert.Null(await store.TaskTokens.FindAsync("t1"));
        Assert.Null(await store.Activities.ClaimTaskAsync(activity.ActivityArn, T0, T0 + ClaimTime));
    }

    [Fact]
    public async Task A_completion_records_the_redrive_status_and_a_redrive_commit_reopens_the_execution()
    {
        var (store, execution) = await StoreWithExecutionAsync();
        var arn = execution.ExecutionArn;
        await store.Executions.CommitAsync(new StepCommit
        {
            ExecutionArn = arn,
            ExpectedLastEventId = 2,
            Events = [Event(3, "ExecutionFailed")],
            Completion = new ExecutionCompletion(ExecutionStatuses.Failed, At(5), Error: "E", Cause: "C",
                RedriveStatus: ExecutionRedriveStatuses.Redrivable),
        });
        var failed = (await store.Executions.GetAsync(arn))!;

        await store.Executions.CommitAsync(new StepCommit
        {
            ExecutionArn = arn,
            ExpectedLastEventId = 3,
            Events = [Event(4, "ExecutionRedriven")],
            Snapshot = "redriven",
            Redrive = new ExecutionRedrive(1, At(8)),
        });

        Assert.Equal(ExecutionRedriveStatuses.Redrivable, failed.RedriveStatus);
        Assert.Null(failed.RedriveStatusReason);
        Assert.Equal(0, failed.RedriveCount);
        var stored = (await store.Executions.GetAsync(arn))!;
        Assert.Equal(execution with
        {
            Status = ExecutionStatuses.Running,
            RedriveCount = 1,
            RedriveDate = At(8),
            RedriveStatus = ExecutionRedriveStatuses.NotRedrivable,
            RedriveStatusReason = ExecutionRedriveStatuses.RunningReason,
            LastEventId = 4,
        }, stored);
        Assert.Equal("redriven", (await store.Executions.GetSnapshotAsync(arn))!.Json);
    }

    [Fact]
    public async Task The_redrive_fields_given_at_creation_are_kept()
    {
        var store = await NewStoreAsync();
        var execution = Execution("m", "e") with
        {
            RedriveStatus = ExecutionRedriveStatuses.NotRedrivable,
            RedriveStatusReason = ExecutionRedriveStatuses.RunningReason,
        };

        await store.Executions.CreateAsync(execution, FirstStep(execution));

        Assert.Equal(execution with { LastEventId = 2 }, await store.Executions.GetAsync(execution.ExecutionArn));
    }

    [Fact]
    public async Task A_commit_that_redrives_and_completes_at_once_records_both()
    {
        var (store, execution) = await StoreWithExecutionAsync();
        var arn = execution.ExecutionArn;
        await store.Executions.CommitAsync(new StepCommit
        {
            ExecutionArn = arn,
            ExpectedLastEventId = 2,
            Events = [Event(3, "ExecutionFailed")],
            Completion = new ExecutionCompletion(ExecutionStatuses.Failed, At(5), RedriveStatus: ExecutionRedriveStatuses.Redrivable),
        });

        await store.Executions.CommitAsync(new StepCommit
        {
            ExecutionArn = arn,
            ExpectedLastEventId = 3,
            Events = [Event(4, "ExecutionRedriven"), Event(5, "ExecutionFailed")],
            Redrive = new ExecutionRedrive(1, At(8)),
            Completion = new ExecutionCompletion(ExecutionStatuses.Failed, At(8), Error: "again", RedriveStatus: ExecutionRedriveStatuses.Redrivable),
        });

        Assert.Equal(execution with
        {
            Status = ExecutionStatuses.Failed,
            StopDate = At(8),
            Error = "again",
            RedriveCount = 1,
            RedriveDate = At(8),
            RedriveStatus = ExecutionRedriveStatuses.Redrivable,
            LastEventId = 5,
        }, await store.Executions.GetAsync(arn));
    }

    [Fact]
    public async Task Commits_on_several_threads_all_land_and_conflicts_on_one_execution_let_exactly_one_win()
    {
        var store = await NewStoreAsync();
        const int executions = 8;
        const int steps = 10;
        for (var i = 0; i < executions; i++)
        {
            var execution = Execution("m", "e" + i);
            await store.Executions.CreateAsync(execution, FirstStep(execution, 1));
        }

        // Each execution gets two writers racing for every step: exactly one wins each event id, the other conflicts.
        var writers = new List<Task>();
        for (var i = 0; i < executions * 2; i++)
        {
            var arn = ExecutionArn("m", "e" + (i / 2));
            writers.Add(Task.Run(async () =>
            {
                while (true)
                {
                    var snapshot = (await store.Executions.GetSnapshotAsync(arn))!;
                    if (snapshot.LastEventId > steps)
                    {
                        return;
                    }

                    try
                    {
                        await store.Executions.CommitAsync(new StepCommit
                        {
                            ExecutionArn = arn,
                            ExpectedLastEventId = snapshot.LastEventId,
                            Events = Events(snapshot.LastEventId + 1, 1),
                            Snapshot = "after-" + snapshot.LastEventId,
                        });
                    }
                    catch (ConcurrencyConflictException)
                    {
                        // Lost the race for this event id: reload and try the next one.
                    }
                }
            }));
        }

        await Task.WhenAll(writers);

        for (var i = 0; i < executions; i++)
        {
            var arn = ExecutionArn("m", "e" + i);
            var history = (await store.Executions.GetHistoryAsync(arn, false, PageRequest.First(100))).Items;
            Assert.Equal(Events(1, steps + 1), history);
            Assert.Equal("after-" + steps, (await store.Executions.GetSnapshotAsync(arn))!.Json);
        }
    }
}
