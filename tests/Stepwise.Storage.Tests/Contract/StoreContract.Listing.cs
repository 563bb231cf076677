using Stepwise.Storage.Executions;
using Stepwise.Storage.Paging;
using static Stepwise.Storage.Tests.Contract.StoreFixtures;

namespace Stepwise.Storage.Tests.Contract;

public abstract partial class StoreContract
{
    [Fact]
    public async Task History_pages_forward_and_in_reverse_cover_every_event_once()
    {
        var (store, execution) = await StoreWithExecutionAsync();
        await store.Executions.CommitAsync(new StepCommit { ExecutionArn = execution.ExecutionArn, ExpectedLastEventId = 2, Events = Events(3, 5) });

        var forward = await ReadHistoryAsync(store, execution.ExecutionArn, reverse: false, pageSize: 3);
        var reverse = await ReadHistoryAsync(store, execution.ExecutionArn, reverse: true, pageSize: 3);

        Assert.Equal([1L, 2L, 3L, 4L, 5L, 6L, 7L], forward);
        Assert.Equal([7L, 6L, 5L, 4L, 3L, 2L, 1L], reverse);
    }

    [Fact]
    public async Task A_history_page_that_ends_exactly_at_the_last_event_has_no_next_token()
    {
        var (store, execution) = await StoreWithExecutionAsync();

        var page = await store.Executions.GetHistoryAsync(execution.ExecutionArn, true, PageRequest.First(2));

        Assert.Equal([2L, 1L], page.Items.Select(e => e.Id));
        Assert.Null(page.NextToken);
    }

    [Fact]
    public async Task A_page_token_that_no_listing_wrote_is_rejected()
    {
        var (store, execution) = await StoreWithExecutionAsync();

        await Assert.ThrowsAsync<InvalidPageTokenException>(
            () => store.Executions.GetHistoryAsync(execution.ExecutionArn, false, new PageRequest(10, "garbage")).AsTask());
    }

    [Fact]
    public async Task Large_steps_of_repetitive_non_ascii_events_read_back_exactly_in_pages_both_ways()
    {
        var store = await NewStoreAsync();
        var execution = Execution("m", "large");
        string input = string.Concat(Enumerable.Repeat("{\\\"name\\\":\\\"Zoë ☃ 𝄞\\\",\\\"n\\\":12345}", 40));
        var first = new List<StoredEvent>();
        var second = new List<StoredEvent>();
        for (var id = 1; id <= 250; id++)
        {
            var e = new StoredEvent(id, id == 1 ? "ExecutionStarted" : "PassStateEntered", At(id).AddTicks(id),
                $$$"""{"id":{{{id}}},"details":{"input":"{{{input}}}"}}""");
            (id <= 120 ? first : second).Add(e);
        }

        await store.Executions.CreateAsync(execution, FirstStep(execution) with { Events = first });
        await store.Executions.CommitAsync(new StepCommit { ExecutionArn = execution.ExecutionArn, ExpectedLastEventId = 120, Events = second });

        List<StoredEvent> all = [.. first, .. second];
        Assert.Equal(all, await ReadEventsAsync(store, execution.ExecutionArn, false, 7));
        all.Reverse();
        Assert.Equal(all, await ReadEventsAsync(store, execution.ExecutionArn, true, 11));
    }

    [Fact]
    public async Task Events_written_later_read_back_as_their_text_whatever_parts_they_share()
    {
        var store = await NewStoreAsync();
        var execution = Execution("m", "shared");
        string payload = string.Concat(Enumerable.Repeat("Zoë ☃ 𝄞 {}", 60));
        string next = payload + "!";
        var events = new List<StoredEvent>();
        for (var id = 1; id <= 6; id++)
        {
            // Events 1-3 share one payload instance, 3-6 another; every event also carries a short string of its own.
            var text = new SharingEventText(id, id <= 3 ? payload : next, "e" + id);
            events.Add(new StoredEvent(id, id == 1 ? "ExecutionStarted" : "TaskStateEntered", At(id), text));
        }

        await store.Executions.CreateAsync(execution, FirstStep(execution) with { Events = events[..4] });
        await store.Executions.CommitAsync(new StepCommit { ExecutionArn = execution.ExecutionArn, ExpectedLastEventId = 4, Events = events[4..] });

        var expected = events.Select(e => new StoredEvent(e.Id, e.Type, e.Timestamp, e.Json)).ToList();
        Assert.Equal(expected, await ReadEventsAsync(store, execution.ExecutionArn, false, 4));
        Assert.Equal(Enumerable.Reverse(expected), await ReadEventsAsync(store, execution.ExecutionArn, true, 5));
    }

    [Fact]
    public async Task Executions_list_newest_first_by_state_machine_with_a_status_filter_across_pages()
    {
        var store = await NewStoreAsync();
        for (var i = 0; i < 7; i++)
        {
            var execution = Execution("m", "e" + i, At(i));
            await store.Executions.CreateAsync(execution, FirstStep(execution, 1));
            if (i % 2 == 1)
            {
                await store.Executions.CommitAsync(new StepCommit
                {
                    ExecutionArn = execution.ExecutionArn,
                    ExpectedLastEventId = 1,
                    Events = [Event(2, "ExecutionSucceeded")],
                    Completion = new ExecutionCompletion(ExecutionStatuses.Succeeded, At(i + 0.5), "{}"),
                });
            }
        }

        var other = Execution("other", "x", At(3));
        await store.Executions.CreateAsync(other, FirstStep(other, 1));

        Assert.Equal(["e6", "e5", "e4", "e3", "e2", "e1", "e0"], await ListExecutionNamesAsync(store, MachineArn("m"), null, 3));
        Assert.Equal(["e5", "e3", "e1"], await ListExecutionNamesAsync(store, MachineArn("m"), ExecutionStatuses.Succeeded, 2));
        Assert.Equal(["e6", "e4", "e2", "e0"], await ListExecutionNamesAsync(store, MachineArn("m"), ExecutionStatuses.Running, 10));
        Assert.Empty(await ListExecutionNamesAsync(store, MachineArn("m"), ExecutionStatuses.Failed, 10));
    }

    [Fact]
    public async Task Listing_by_a_version_arn_finds_the_executions_started_through_it()
    {
        var store = await NewStoreAsync();
        var versionArn = MachineArn("m") + ":1";
        var plain = Execution("m", "plain");
        var versioned = Execution("m", "versioned", At(1), versionArn);
        await store.Executions.CreateAsync(plain, FirstStep(plain, 1));
        await store.Executions.CreateAsync(versioned, FirstStep(versioned, 1));

        Assert.Equal(["versioned"], await ListExecutionNamesAsync(store, versionArn, null, 10));
        Assert.Equal(["versioned", "plain"], await ListExecutionNamesAsync(store, MachineArn("m"), null, 10));
    }

    [Fact]
    public async Task Listing_with_a_redrive_filter_pages_over_the_executions_it_keeps_only()
    {
        var store = await NewStoreAsync();
        for (int i = 0; i < 6; i++)
        {
            var execution = Execution("m", "e" + i, At(i)) with { RedriveCount = i % 3 == 0 ? 1 : 0 };
            await store.Executions.CreateAsync(execution, FirstStep(execution, 1));
        }

        Assert.Equal(["e3", "e0"], await ListExecutionNamesAsync(store, MachineArn("m"), null, 1, redriven: true));
        Assert.Equal(["e5", "e4", "e2", "e1"], await ListExecutionNamesAsync(store, MachineArn("m"), ExecutionStatuses.Running, 3, redriven: false));
    }

    private static async Task<List<StoredEvent>> ReadEventsAsync(IStepwiseStore store, string arn, bool reverse, int pageSize)
    {
        var events = new List<StoredEvent>();
        string? token = null;
        do
        {
            var page = await store.Executions.GetHistoryAsync(arn, reverse, new PageRequest(pageSize, token));
            Assert.True(page.Items.Count <= pageSize);
            events.AddRange(page.Items);
            token = page.NextToken;
        }
        while (token is not null);

        return events;
    }

    private static async Task<List<long>> ReadHistoryAsync(IStepwiseStore store, string arn, bool reverse, int pageSize)
    {
        var ids = new List<long>();
        string? token = null;
        do
        {
            var page = await store.Executions.GetHistoryAsync(arn, reverse, new PageRequest(pageSize, token));
            Assert.True(page.Items.Count <= pageSize);
            ids.AddRange(page.Items.Select(e => e.Id));
            token = page.NextToken;
        }
        while (token is not null);

        return ids;
    }

    private static async Task<List<string>> ListExecutionNamesAsync(IStepwiseStore store, string arn, string? status, int pageSize, bool? redriven = null)
    {
        var names = new List<string>();
        string? token = null;
        do
        {
            var page = await store.Executions.ListAsync(arn, status, redriven, new PageRequest(pageSize, token));
            Assert.True(page.Items.Count <= pageSize);
            names.AddRange(page.Items.Select(e => e.Name));
            token = page.NextToken;
        }
        while (token is not null);

        return names;
    }
}
