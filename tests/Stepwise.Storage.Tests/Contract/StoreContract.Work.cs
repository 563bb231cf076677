using Stepwise.Storage.Executions;
using Stepwise.Storage.Work;
using static Stepwise.Storage.Tests.Contract.StoreFixtures;

namespace Stepwise.Storage.Tests.Contract;

public abstract partial class StoreContract
{
    private static readonly TimeSpan s_lease = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Work_is_leased_oldest_first_once_available_and_not_to_two_owners()
    {
        var store = await NewStoreAsync();
        await store.Work.EnqueueAsync(Item("first"));
        await store.Work.EnqueueAsync(Item("later", At(20)));
        await store.Work.EnqueueAsync(Item("second"));

        var a = await store.Work.LeaseAsync("node-a", T0, s_lease, 10);
        var b = await store.Work.LeaseAsync("node-b", T0, s_lease, 10);

        Assert.Equal(["first", "second"], a.Select(w => w.Item.IdempotencyKey));
        Assert.All(a, w => Assert.Equal(1, w.Delivery));
        Assert.All(a, w => Assert.Equal(T0 + s_lease, w.LeaseExpiresAt));
        Assert.Equal(Item("first"), a[0].Item);
        Assert.Empty(b);
        Assert.Equal(["later"], (await store.Work.LeaseAsync("node-b", At(20), s_lease, 10)).Select(w => w.Item.IdempotencyKey));
    }

    [Fact]
    public async Task A_lease_takes_at_most_the_requested_number_of_items()
    {
        var store = await NewStoreAsync();
        for (var i = 0; i < 5; i++)
        {
            await store.Work.EnqueueAsync(Item("w" + i));
        }

        Assert.Equal(["w0", "w1"], (await store.Work.LeaseAsync("node-a", T0, s_lease, 2)).Select(w => w.Item.IdempotencyKey));
        Assert.Equal(["w2", "w3", "w4"], (await store.Work.LeaseAsync("node-b", T0, s_lease, 9)).Select(w => w.Item.IdempotencyKey));
    }

    [Fact]
    public async Task An_expired_lease_is_leased_again_and_the_first_owner_can_no_longer_complete()
    {
        var store = await NewStoreAsync();
        await store.Work.EnqueueAsync(Item("w"));
        var first = (await store.Work.LeaseAsync("node-a", T0, s_lease, 1))[0];

        Assert.Empty(await store.Work.LeaseAsync("node-b", T0 + s_lease - TimeSpan.FromMilliseconds(1), s_lease, 1));
        var second = (await store.Work.LeaseAsync("node-b", T0 + s_lease, s_lease, 1))[0];

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(2, second.Delivery);
        Assert.False(await store.Work.CompleteAsync(first.Lease));
        Assert.False(await store.Work.RenewAsync(first.Lease, T0 + s_lease, s_lease));
        Assert.True(await store.Work.CompleteAsync(second.Lease));
        Assert.Null(await store.Work.GetNextAvailableAtAsync());
    }

    [Fact]
    public async Task A_renewed_lease_holds_past_its_first_expiry()
    {
        var store = await NewStoreAsync();
        await store.Work.EnqueueAsync(Item("w"));
        var leased = (await store.Work.LeaseAsync("node-a", T0, s_lease, 1))[0];

        Assert.True(await store.Work.RenewAsync(leased.Lease, At(20), s_lease));

        Assert.Empty(await store.Work.LeaseAsync("node-b", At(40), s_lease, 1));
        Assert.Single(await store.Work.LeaseAsync("node-b", At(50), s_lease, 1));
    }

    [Fact]
    public async Task Abandoned_work_is_leasable_again_from_the_time_given()
    {
        var store = await NewStoreAsync();
        await store.Work.EnqueueAsync(Item("w"));
        var leased = (await store.Work.LeaseAsync("node-a", T0, s_lease, 1))[0];

        Assert.True(await store.Work.AbandonAsync(leased.Lease, At(5)));

        Assert.Equal(At(5), await store.Work.GetNextAvailableAtAsync());
        Assert.Empty(await store.Work.LeaseAsync("node-b", At(4), s_lease, 1));
        var again = (await store.Work.LeaseAsync("node-b", At(5), s_lease, 1))[0];
        Assert.Equal(2, again.Delivery);
        Assert.False(await store.Work.AbandonAsync(leased.Lease, At(6)));
    }

    [Fact]
    public async Task Enqueuing_a_pending_idempotency_key_again_is_a_no_op()
    {
        var store = await NewStoreAsync();

        Assert.True(await store.Work.EnqueueAsync(Item("k", At(1))));
        Assert.False(await store.Work.EnqueueAsync(Item("k", At(0))));

        var leased = await store.Work.LeaseAsync("node-a", At(10), s_lease, 10);
        Assert.Equal([Item("k", At(1))], leased.Select(w => w.Item));
    }

    [Fact]
    public async Task A_commit_completes_the_work_item_it_consumed_and_enqueues_its_own()
    {
        var (store, execution) = await StoreWithExecutionAsync();
        await store.Work.EnqueueAsync(Item("stimulus", executionArn: execution.ExecutionArn));
        var lease = (await store.Work.LeaseAsync("node-a", T0, s_lease, 1))[0].Lease;

        await store.Executions.CommitAsync(new StepCommit
        {
            ExecutionArn = execution.ExecutionArn,
            ExpectedLastEventId = 2,
            Events = Events(3, 1),
            CompletesWork = lease,
            WorkToEnqueue = [Item("invoke", At(1), execution.ExecutionArn)],
        });

        var next = await store.Work.LeaseAsync("node-b", At(100), s_lease, 10);
        Assert.Equal([Item("invoke", At(1), execution.ExecutionArn)], next.Select(w => w.Item));
    }

    [Fact]
    public async Task A_commit_consuming_a_lost_lease_is_rejected_whole()
    {
        var (store, execution) = await StoreWithExecutionAsync();
        await store.Work.EnqueueAsync(Item("stimulus"));
        var stale = (await store.Work.LeaseAsync("node-a", T0, s_lease, 1))[0].Lease;
        await store.Work.LeaseAsync("node-b", T0 + s_lease, s_lease, 1);

        await Assert.ThrowsAsync<LeaseLostException>(() => store.Executions.CommitAsync(new StepCommit
        {
            ExecutionArn = execution.ExecutionArn,
            ExpectedLastEventId = 2,
            Events = Events(3, 1),
            CompletesWork = stale,
        }).AsTask());

        Assert.Equal(2, (await store.Executions.GetAsync(execution.ExecutionArn))!.LastEventId);
    }

    [Fact]
    public async Task A_commit_with_a_lease_grant_leases_the_work_it_enqueues_to_the_grant_owner_up_to_its_limit()
    {
        var (store, execution) = await StoreWithExecutionAsync();

        var result = await store.Executions.CommitAsync(new StepCommit
        {
            ExecutionArn = execution.ExecutionArn,
            ExpectedLastEventId = 2,
            Events = Events(3, 1),
            WorkToEnqueue = [Item("a", executionArn: execution.ExecutionArn), Item("b", executionArn: execution.ExecutionArn)],
            LeaseWork = new WorkLeaseGrant("node-a", T0 + s_lease, 1),
        });

        var leased = Assert.Single(result.LeasedWork);
        Assert.Equal(Item("a", executionArn: execution.ExecutionArn), leased.Item);
        Assert.Equal(new WorkLease(leased.Id, "node-a", 1), leased.Lease);
        Assert.Equal(T0 + s_lease, leased.LeaseExpiresAt);
        Assert.Equal(["b"], (await store.Work.LeaseAsync("node-b", T0, s_lease, 10)).Select(w => w.Item.IdempotencyKey));
        Assert.True(await store.Work.CompleteAsync(leased.Lease));
    }

    [Fact]
    public async Task Work_leased_by_a_commit_is_delivered_again_once_its_lease_expires()
    {
        var (store, execution) = await StoreWithExecutionAsync();
        var leased = (await store.Executions.CommitAsync(new StepCommit
        {
            ExecutionArn = execution.ExecutionArn,
            ExpectedLastEventId = 2,
            Events = Events(3, 1),
            WorkToEnqueue = [Item("a", executionArn: execution.ExecutionArn)],
            LeaseWork = new WorkLeaseGrant("node-a", T0 + s_lease, 5),
        })).LeasedWork[0];

        Assert.Empty(await store.Work.LeaseAsync("node-b", T0 + s_lease - TimeSpan.FromMilliseconds(1), s_lease, 1));
        var again = Assert.Single(await store.Work.LeaseAsync("node-b", T0 + s_lease, s_lease, 1));

        Assert.Equal(leased.Id, again.Id);
        Assert.Equal(2, again.Delivery);
        Assert.False(await store.Work.CompleteAsync(leased.Lease));
    }

    [Fact]
    public async Task A_lease_grant_does_not_lease_work_whose_idempotency_key_is_still_pending()
    {
        var (store, execution) = await StoreWithExecutionAsync();
        await store.Work.EnqueueAsync(Item("a", executionArn: execution.ExecutionArn));

        var result = await store.Executions.CommitAsync(new StepCommit
        {
            ExecutionArn = execution.ExecutionArn,
            ExpectedLastEventId = 2,
            Events = Events(3, 1),
            WorkToEnqueue = [Item("a", executionArn: execution.ExecutionArn)],
            LeaseWork = new WorkLeaseGrant("node-a", T0 + s_lease, 5),
        });

        Assert.Empty(result.LeasedWork);
        Assert.Single(await store.Work.LeaseAsync("node-b", T0, s_lease, 10));
    }
}
