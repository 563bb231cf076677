using Stepwise.Hosting.Durable;
using Stepwise.Hosting.Tests.TestSupport;
using Stepwise.Json;
using Stepwise.Storage;
using Stepwise.Storage.Executions;
using Stepwise.Storage.StateMachines;

namespace Stepwise.Hosting.Tests.Durable;

/// <summary>Starts resolve their state machine, version or alias from the engine's cache, and every write through the engine is seen by the next start.</summary>
public sealed class StartTargetTests
{
    private static string Returning(string result) => $"{{'StartAt':'P','States':{{'P':{{'Type':'Pass','Result':'{result}','End':true}}}}}}".Replace('\'', '"');

    private static async Task<string> OutputOfAsync(DurableHarness harness, string arn) => (await harness.RunAsync(arn)).Output!;

    // Through an engine's Store every engine over it sees the update at once; through the raw store it is as another
    // process's write.
    private static async Task UpdateAsync(IStepwiseStore store, string machineArn, string result)
    {
        var machines = store.StateMachines;
        var machine = (await machines.GetAsync(machineArn))!;
        await machines.UpdateAsync(machine with { Definition = Returning(result), RevisionId = "revision-" + result });
    }

    private static StateMachineAliasRecord Alias(string machineArn, DateTimeOffset now, params AliasRoute[] routes) => new()
    {
        StateMachineAliasArn = machineArn + ":live",
        StateMachineArn = machineArn,
        Name = "live",
        RoutingConfiguration = routes,
        CreationDate = now,
    };

    [Fact]
    public async Task A_start_right_after_UpdateStateMachine_runs_the_new_definition()
    {
        await using var harness = new DurableHarness();
        await harness.Engine.StartAsync();
        string machine = await harness.CreateAsync(Returning("v1"));
        Assert.Equal("\"v1\"", await OutputOfAsync(harness, machine));

        await UpdateAsync(harness.Engine.Store, machine, "v2");

        Assert.Equal("\"v2\"", await OutputOfAsync(harness, machine));
    }

    [Fact]
    public async Task A_start_right_after_DeleteStateMachine_is_refused_and_one_after_it_is_created_again_runs_the_new_definition()
    {
        await using var harness = new DurableHarness();
        await harness.Engine.StartAsync();
        string machine = await harness.CreateAsync(Returning("v1"));
        Assert.Equal("\"v1\"", await OutputOfAsync(harness, machine));

        await harness.Engine.Store.StateMachines.DeleteAsync(machine);

        await Assert.ThrowsAsync<ResourceNotFoundException>(() => harness.Engine.StartExecutionAsync(machine, JsonValue.Parse("{}")));
        Assert.Equal(machine, await harness.CreateAsync(Returning("again")));
        Assert.Equal("\"again\"", await OutputOfAsync(harness, machine));
    }

    [Fact]
    public async Task A_version_keeps_its_definition_after_an_update_and_a_start_after_its_deletion_is_refused()
    {
        await using var harness = new DurableHarness();
        await harness.Engine.StartAsync();
        string machine = await harness.CreateAsync(Returning("v1"));
        var machines = harness.Engine.Store.StateMachines;
        var first = await machines.PublishVersionAsync(machine, null, harness.Engine.Now);
        Assert.Equal("\"v1\"", await OutputOfAsync(harness, first.StateMachineVersionArn));

        await UpdateAsync(harness.Engine.Store, machine, "v2");
        var second = await machines.PublishVersionAsync(machine, null, harness.Engine.Now);

        Assert.Equal("\"v1\"", await OutputOfAsync(harness, first.StateMachineVersionArn));
        Assert.Equal("\"v2\"", await OutputOfAsync(harness, second.StateMachineVersionArn));
        Assert.Equal(first.StateMachineVersionArn, (await harness.Engine.StartExecutionAsync(first.StateMachineVersionArn, JsonValue.Parse("{}")))
            .StateMachineVersionArn);
        await machines.DeleteVersionAsync(first.StateMachineVersionArn);
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => harness.Engine.StartExecutionAsync(first.StateMachineVersionArn, JsonValue.Parse("{}")));
    }

    [Fact]
    public async Task A_start_through_an_alias_right_after_it_is_updated_takes_the_new_route_and_one_after_it_is_deleted_is_refused()
    {
        await using var harness = new DurableHarness();
        await harness.Engine.StartAsync();
        string machine = await harness.CreateAsync(Returning("v1"));
        var machines = harness.Engine.Store.StateMachines;
        var first = await machines.PublishVersionAsync(machine, null, harness.Engine.Now);
        await UpdateAsync(harness.Engine.Store, machine, "v2");
        var second = await machines.PublishVersionAsync(machine, null, harness.Engine.Now);
        var alias = Alias(machine, harness.Engine.Now, new AliasRoute(first.StateMachineVersionArn, 100));
        await harness.Engine.Store.Aliases.CreateAsync(alias);
        var throughAlias = await harness.Engine.StartExecutionAsync(alias.StateMachineAliasArn, JsonValue.Parse("{}"));
        Assert.Equal("\"v1\"", (await harness.WaitAsync(throughAlias.ExecutionArn)).Output);
        Assert.Equal(alias.StateMachineAliasArn, throughAlias.StateMachineAliasArn);

        await harness.Engine.Store.Aliases.UpdateAsync(alias with { RoutingConfiguration = [new AliasRoute(second.StateMachineVersionArn, 100)] });

        var rerouted = await harness.Engine.StartExecutionAsync(alias.StateMachineAliasArn, JsonValue.Parse("{}"));
        Assert.Equal(second.StateMachineVersionArn, rerouted.StateMachineVersionArn);
        Assert.Equal("\"v2\"", (await harness.WaitAsync(rerouted.ExecutionArn)).Output);
        await harness.Engine.Store.Aliases.DeleteAsync(alias.StateMachineAliasArn);
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => harness.Engine.StartExecutionAsync(alias.StateMachineAliasArn, JsonValue.Parse("{}")));
    }

    [Fact]
    public async Task An_update_and_a_delete_through_another_engine_over_the_same_store_are_seen_by_the_next_start()
    {
        await using var harness = new DurableHarness();
        await harness.Engine.StartAsync();
        string machine = await harness.CreateAsync(Returning("v1"));
        Assert.Equal("\"v1\"", await OutputOfAsync(harness, machine));
        await using var other = new DurableEngine(harness.Store, DurableHarness.Options(harness.Clock));

        await UpdateAsync(other.Store, machine, "v2");
        Assert.Equal("\"v2\"", await OutputOfAsync(harness, machine));
        await other.Store.StateMachines.DeleteAsync(machine);

        await Assert.ThrowsAsync<ResourceNotFoundException>(() => harness.Engine.StartExecutionAsync(machine, JsonValue.Parse("{}")));
    }

    [Fact]
    public async Task An_update_no_engine_saw_as_another_process_writes_is_seen_once_the_cached_target_is_a_second_old()
    {
        await using var harness = new DurableHarness();
        await harness.Engine.StartAsync();
        string machine = await harness.CreateAsync(Returning("v1"));
        Assert.Equal("\"v1\"", await OutputOfAsync(harness, machine));

        await UpdateAsync(harness.Store, machine, "v2");

        // AWS's own contract: a start right after an update may still run the previous definition.
        Assert.Equal("\"v1\"", await OutputOfAsync(harness, machine));
        harness.Clock.Advance(StartTargetCache.MaxAge + TimeSpan.FromMilliseconds(1));
        Assert.Equal("\"v2\"", await OutputOfAsync(harness, machine));
    }

    [Fact]
    public void The_cache_keeps_at_most_its_bound_of_ARNs()
    {
        var cache = new StartTargetCache();
        var target = new StartTarget(new StateMachineRecord
        {
            StateMachineArn = "arn", Name = "m", Type = StateMachineTypes.Standard, Definition = "{}", RoleArn = "role", CreationDate = default, RevisionId = "r",
        }, null, null);

        for (int i = 0; i <= StartTargetCache.MaxEntries; i++)
        {
            cache.Add("arn" + i, target, null, cache.Generation, DurableHarness.Start);
        }

        Assert.InRange(cache.Count, 1, StartTargetCache.MaxEntries);
        Assert.Same(target, cache.Find("arn" + StartTargetCache.MaxEntries, DurableHarness.Start)!.Target);
    }

    [Fact]
    public void A_resolution_read_before_a_write_is_not_kept()
    {
        var cache = new StartTargetCache();
        var target = new StartTarget(new StateMachineRecord
        {
            StateMachineArn = "arn", Name = "m", Type = StateMachineTypes.Standard, Definition = "{}", RoleArn = "role", CreationDate = default, RevisionId = "r",
        }, null, null);
        long before = cache.Generation;

        cache.Invalidate();
        cache.Add("arn", target, null, before, DurableHarness.Start);

        Assert.Null(cache.Find("arn", DurableHarness.Start));
        cache.Add("arn", target, null, cache.Generation, DurableHarness.Start);
        Assert.NotNull(cache.Find("arn", DurableHarness.Start));
    }

    [Fact]
    public void An_expired_resolution_is_dropped_when_a_start_finds_it()
    {
        var cache = new StartTargetCache();
        var target = new StartTarget(new StateMachineRecord
        {
            StateMachineArn = "arn", Name = "m", Type = StateMachineTypes.Standard, Definition = "{}", RoleArn = "role", CreationDate = default, RevisionId = "r",
        }, null, null);
        cache.Add("arn", target, null, cache.Generation, DurableHarness.Start);

        Assert.Null(cache.Find("arn", DurableHarness.Start + StartTargetCache.MaxAge + TimeSpan.FromMilliseconds(1)));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public async Task An_engine_built_over_another_engines_store_sees_its_update_at_once()
    {
        await using var harness = new DurableHarness();
        await harness.Engine.StartAsync();
        string machine = await harness.CreateAsync(Returning("v1"));
        await using var other = new DurableEngine(harness.Engine.Store, DurableHarness.Options(harness.Clock));
        await other.StartAsync();
        var first = await other.StartExecutionAsync(machine, JsonValue.Parse("{}"));
        Assert.Equal("\"v1\"", (await other.WaitForExecutionAsync(first.ExecutionArn)).Output);

        await UpdateAsync(harness.Engine.Store, machine, "v2");

        var second = await other.StartExecutionAsync(machine, JsonValue.Parse("{}"));
        Assert.Equal("\"v2\"", (await other.WaitForExecutionAsync(second.ExecutionArn)).Output);
    }

    [Fact]
    public async Task A_start_from_a_cached_target_runs_the_definition_of_the_revision_its_execution_names()
    {
        await using var harness = new DurableHarness();
        await harness.Engine.StartAsync();
        string machine = await harness.CreateAsync(Returning("v1"));
        Assert.Equal("\"v1\"", await OutputOfAsync(harness, machine));
        // Another process replaces the definition without publishing it; an engine that never compiled v1 starts from
        // the target the shared cache still holds.
        await UpdateAsync(harness.Store, machine, "v2");
        await using var other = new DurableEngine(harness.Store, DurableHarness.Options(harness.Clock));
        await other.StartAsync();

        var started = await other.StartExecutionAsync(machine, JsonValue.Parse("{}"));

        Assert.Equal("\"v1\"", (await other.WaitForExecutionAsync(started.ExecutionArn)).Output);
    }
}
