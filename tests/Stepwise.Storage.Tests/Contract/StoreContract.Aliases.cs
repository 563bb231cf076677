using Stepwise.Storage.Paging;
using Stepwise.Storage.StateMachines;
using static Stepwise.Storage.Tests.Contract.StoreFixtures;

namespace Stepwise.Storage.Tests.Contract;

public abstract partial class StoreContract
{
    [Fact]
    public async Task A_created_alias_reads_back_with_its_routes_in_order()
    {
        var store = await NewStoreAsync();
        var alias = Alias("m", "prod", (1, 90), (2, 10));

        await store.Aliases.CreateAsync(alias);

        AssertAlias(alias, await store.Aliases.GetAsync(alias.StateMachineAliasArn));
        Assert.Null(await store.Aliases.GetAsync(MachineArn("m") + ":missing"));
    }

    [Fact]
    public async Task Creating_an_alias_twice_is_rejected_and_updating_a_missing_one_too()
    {
        var store = await NewStoreAsync();
        await store.Aliases.CreateAsync(Alias("m", "prod", (1, 100)));

        var exists = await Assert.ThrowsAsync<ResourceAlreadyExistsException>(() => store.Aliases.CreateAsync(Alias("m", "prod", (2, 100))).AsTask());
        var missing = await Assert.ThrowsAsync<ResourceNotFoundException>(() => store.Aliases.UpdateAsync(Alias("m", "beta", (2, 100))).AsTask());

        Assert.Equal(ResourceKinds.StateMachineAlias, exists.ResourceKind);
        Assert.Equal(ResourceKinds.StateMachineAlias, missing.ResourceKind);
        Assert.Equal(MachineArn("m") + ":1", (await store.Aliases.GetAsync(MachineArn("m") + ":prod"))!.RoutingConfiguration[0].StateMachineVersionArn);
    }

    [Fact]
    public async Task Updating_an_alias_replaces_its_routes_and_deleting_removes_it()
    {
        var store = await NewStoreAsync();
        await store.Aliases.CreateAsync(Alias("m", "prod", (1, 100)));
        var updated = Alias("m", "prod", (2, 50), (3, 50)) with { UpdateDate = At(5), Description = "canary" };

        await store.Aliases.UpdateAsync(updated);

        AssertAlias(updated, await store.Aliases.GetAsync(updated.StateMachineAliasArn));
        Assert.True(await store.Aliases.DeleteAsync(updated.StateMachineAliasArn));
        Assert.Null(await store.Aliases.GetAsync(updated.StateMachineAliasArn));
        Assert.False(await store.Aliases.DeleteAsync(updated.StateMachineAliasArn));
    }

    [Fact]
    public async Task Aliases_list_per_state_machine_in_creation_order_and_go_with_their_state_machine()
    {
        var store = await NewStoreAsync();
        await store.StateMachines.CreateAsync(Machine("m"));
        await store.Aliases.CreateAsync(Alias("m", "c", (1, 100)));
        await store.Aliases.CreateAsync(Alias("other", "x", (1, 100)));
        await store.Aliases.CreateAsync(Alias("m", "a", (1, 100)));
        await store.Aliases.CreateAsync(Alias("m", "b", (1, 100)));

        var first = await store.Aliases.ListAsync(MachineArn("m"), PageRequest.First(2));
        var second = await store.Aliases.ListAsync(MachineArn("m"), new PageRequest(2, first.NextToken));
        await store.StateMachines.DeleteAsync(MachineArn("m"));

        Assert.Equal(["c", "a"], first.Items.Select(a => a.Name));
        Assert.Equal(["b"], second.Items.Select(a => a.Name));
        Assert.Null(second.NextToken);
        Assert.Empty((await store.Aliases.ListAsync(MachineArn("m"), PageRequest.First(10))).Items);
        Assert.Single((await store.Aliases.ListAsync(MachineArn("other"), PageRequest.First(10))).Items);
    }

    private static StateMachineAliasRecord Alias(string machine, string name, params (int Version, int Weight)[] routes) => new()
    {
        StateMachineAliasArn = MachineArn(machine) + ":" + name,
        StateMachineArn = MachineArn(machine),
        Name = name,
        RoutingConfiguration = routes.Select(r => new AliasRoute(MachineArn(machine) + ":" + r.Version, r.Weight)).ToArray(),
        CreationDate = T0,
    };

    private static void AssertAlias(StateMachineAliasRecord expected, StateMachineAliasRecord? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.RoutingConfiguration, actual.RoutingConfiguration);
        Assert.Equal(expected, actual with { RoutingConfiguration = expected.RoutingConfiguration });
    }
}
