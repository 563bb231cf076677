using Stepwise.Storage.Executions;
using Stepwise.Storage.MapRuns;
using Stepwise.Storage.Paging;
using static Stepwise.Storage.Tests.Contract.StoreFixtures;

namespace Stepwise.Storage.Tests.Contract;

public abstract partial class StoreContract
{
    [Fact]
    public async Task A_map_run_reads_back_exactly_as_created_and_a_second_create_of_its_arn_is_refused()
    {
        var store = await NewStoreAsync();
        var run = MapRun("m", "parent", "run-1") with
        {
            StopDate = At(9),
            ToleratedFailurePercentage = 12.5,
            ItemCounts = new MapRunCounts(1, 2, 3, 4, 5, 6, 21, 7, 8, 9),
            RedriveCount = 2,
            RedriveDate = At(8),
            Progress = """{"next":17,"note":"Zoë"}""",
        };

        await store.MapRuns.CreateAsync(run);
        var taken = await Assert.ThrowsAsync<ResourceAlreadyExistsException>(() => store.MapRuns.CreateAsync(run with { Status = "FAILED" }).AsTask());

        Assert.Equal(run, await store.MapRuns.GetAsync(run.MapRunArn));
        Assert.Equal(ResourceKinds.MapRun, taken.ResourceKind);
        Assert.Equal(run.MapRunArn, taken.Arn);
        Assert.Null(await store.MapRuns.GetAsync(run.MapRunArn + "-other"));
    }

    [Fact]
    public async Task Map_runs_list_oldest_first_by_parent_execution_across_pages()
    {
        var store = await NewStoreAsync();
        for (var i = 0; i < 5; i++)
        {
            await store.MapRuns.CreateAsync(MapRun("m", "parent", "run-" + i, At(i)));
            await store.MapRuns.CreateAsync(MapRun("m", "sibling", "other-" + i, At(i)));
        }

        var arns = new List<string>();
        string? token = null;
        do
        {
            var page = await store.MapRuns.ListAsync(ExecutionArn("m", "parent"), new PageRequest(2, token));
            Assert.True(page.Items.Count <= 2);
            arns.AddRange(page.Items.Select(r => r.MapRunArn));
            token = page.NextToken;
        }
        while (token is not null);

        Assert.Equal(Enumerable.Range(0, 5).Select(i => MapRunArn("m", "run-" + i)), arns);
        Assert.Empty((await store.MapRuns.ListAsync(ExecutionArn("m", "nobody"), PageRequest.First(10))).Items);
        await Assert.ThrowsAsync<InvalidPageTokenException>(() => store.MapRuns.ListAsync(ExecutionArn("m", "parent"), new PageRequest(2, "bogus")).AsTask());
    }

    [Fact]
    public async Task An_update_replaces_the_run_and_upserts_its_results_by_index()
    {
        var store = await NewStoreAsync();
        var run = MapRun("m", "parent", "run");
        await store.MapRuns.CreateAsync(run);

        var first = run with { ItemCounts = new MapRunCounts(1, 2, 0, 0, 0, 0, 3, 0), Progress = "{\"n\":1}" };
        await store.MapRuns.UpdateAsync(first, [Result(2, "RUNNING"), Result(0, "SUCCEEDED")]);
        var second = first with { Status = "FAILED", StopDate = At(5), Progress = "{\"n\":2}" };
        await store.MapRuns.UpdateAsync(second, [Result(2, "FAILED"), Result(1, "SUCCEEDED")]);
        await store.MapRuns.UpdateAsync(second, []);

        Assert.Equal(second, await store.MapRuns.GetAsync(run.MapRunArn));
        Assert.Equal([Result(0, "SUCCEEDED"), Result(1, "SUCCEEDED"), Result(2, "FAILED")], await ReadResultsAsync(store, run.MapRunArn));
    }

    [Fact]
    public async Task Updating_a_map_run_that_does_not_exist_fails_and_stores_none_of_its_results()
    {
        var store = await NewStoreAsync();
        var run = MapRun("m", "parent", "missing");

        var missing = await Assert.ThrowsAsync<ResourceNotFoundException>(() => store.MapRuns.UpdateAsync(run, [Result(0, "SUCCEEDED")]).AsTask());

        Assert.Equal(ResourceKinds.MapRun, missing.ResourceKind);
        Assert.Equal(run.MapRunArn, missing.Arn);
        await store.MapRuns.CreateAsync(run);
        Assert.Empty(await ReadResultsAsync(store, run.MapRunArn));
    }

    [Fact]
    public async Task Results_stream_in_index_order_past_any_provider_chunk_and_keep_each_run_apart()
    {
        var store = await NewStoreAsync();
        var run = MapRun("m", "parent", "big");
        var other = MapRun("m", "parent", "small");
        await store.MapRuns.CreateAsync(run);
        await store.MapRuns.CreateAsync(other);

        // Written out of order, in batches as the coordinator writes them (one per finished batch of children).
        const int count = 2_503;
        for (var start = 0; start < count; start += 500)
        {
            var batch = new List<MapRunChildResult>();
            for (var i = Math.Min(count, start + 500) - 1; i >= start; i--)
            {
                batch.Add(Result(i, i % 7 == 0 ? "FAILED" : "SUCCEEDED"));
            }

            await store.MapRuns.UpdateAsync(run, batch);
        }

        await store.MapRuns.UpdateAsync(other, [Result(5, "SUCCEEDED")]);
        var results = await ReadResultsAsync(store, run.MapRunArn);

        Assert.Equal(Enumerable.Range(0, count).Select(i => (long)i), results.Select(r => r.Index));
        Assert.Equal(Result(14, "FAILED"), results[14]);
        Assert.Equal([Result(5, "SUCCEEDED")], await ReadResultsAsync(store, other.MapRunArn));
        Assert.Empty(await ReadResultsAsync(store, MapRunArn("m", "nothing")));
    }

    [Fact]
    public async Task Child_executions_list_by_map_run_newest_first_with_status_and_redrive_filters_across_pages()
    {
        var store = await NewStoreAsync();
        var mapRunArn = MapRunArn("m", "run");
        for (var i = 0; i < 6; i++)
        {
            var child = Execution("m/run", "child-" + i, At(i)) with { MapRunArn = mapRunArn, RedriveCount = i == 4 ? 1 : 0 };
            await store.Executions.CreateAsync(child, FirstStep(child, 1));
            if (i % 2 == 0)
            {
                await store.Executions.CommitAsync(new StepCommit
                {
                    ExecutionArn = child.ExecutionArn,
                    ExpectedLastEventId = 1,
                    Events = [Event(2, "ExecutionFailed")],
                    Completion = new ExecutionCompletion(ExecutionStatuses.Failed, At(i + 0.5), null, "E", "C"),
                });
            }
        }

        var stranger = Execution("m/run", "stranger", At(3)) with { MapRunArn = mapRunArn + "-other" };
        await store.Executions.CreateAsync(stranger, FirstStep(stranger, 1));

        Assert.Equal(["child-5", "child-4", "child-3", "child-2", "child-1", "child-0"], await ListChildNamesAsync(store, mapRunArn, null, null, 4));
        Assert.Equal(["child-4", "child-2", "child-0"], await ListChildNamesAsync(store, mapRunArn, ExecutionStatuses.Failed, null, 2));
        Assert.Equal(["child-4"], await ListChildNamesAsync(store, mapRunArn, null, true, 10));
        Assert.Equal(["child-2", "child-0"], await ListChildNamesAsync(store, mapRunArn, ExecutionStatuses.Failed, false, 10));
        Assert.Equal(mapRunArn, (await store.Executions.GetAsync(ExecutionArn("m/run", "child-3")))!.MapRunArn);
        Assert.Empty((await store.Executions.ListAsync(MachineArn("m"), null, null, PageRequest.First(10))).Items);
    }

    private static async Task<List<MapRunChildResult>> ReadResultsAsync(IStepwiseStore store, string mapRunArn)
    {
        var results = new List<MapRunChildResult>();
        await foreach (var result in store.MapRuns.ReadResultsAsync(mapRunArn))
        {
            results.Add(result);
        }

        return results;
    }

    private static async Task<List<string>> ListChildNamesAsync(IStepwiseStore store, string mapRunArn, string? status, bool? redriven, int pageSize)
    {
        var names = new List<string>();
        string? token = null;
        do
        {
            var page = await store.Executions.ListByMapRunAsync(mapRunArn, status, redriven, new PageRequest(pageSize, token));
            Assert.True(page.Items.Count <= pageSize);
            names.AddRange(page.Items.Select(e => e.Name));
            token = page.NextToken;
        }
        while (token is not null);

        return names;
    }
}
