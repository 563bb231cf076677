using Stepwise.Storage.Paging;
using static Stepwise.Storage.Tests.Contract.StoreFixtures;

namespace Stepwise.Storage.Tests.Contract;

public abstract partial class StoreContract
{
    [Fact]
    public async Task A_created_state_machine_reads_back_as_it_was_stored()
    {
        var store = await NewStoreAsync();
        var machine = Machine("m") with { LoggingConfiguration = """{"level":"OFF"}""", UpdateDate = At(5) };

        await store.StateMachines.CreateAsync(machine);

        Assert.Equal(machine, await store.StateMachines.GetAsync(machine.StateMachineArn));
        Assert.Null(await store.StateMachines.GetAsync(MachineArn("other")));
    }

    [Fact]
    public async Task Creating_a_state_machine_twice_is_rejected_and_keeps_the_first()
    {
        var store = await NewStoreAsync();
        await store.StateMachines.CreateAsync(Machine("m", "r1"));

        var error = await Assert.ThrowsAsync<ResourceAlreadyExistsException>(() => store.StateMachines.CreateAsync(Machine("m", "r2")).AsTask());

        Assert.Equal(ResourceKinds.StateMachine, error.ResourceKind);
        Assert.Equal("r1", (await store.StateMachines.GetAsync(MachineArn("m")))!.RevisionId);
    }

    [Fact]
    public async Task Updating_a_state_machine_replaces_it_and_updating_a_missing_one_is_rejected()
    {
        var store = await NewStoreAsync();
        await store.StateMachines.CreateAsync(Machine("m", "r1"));
        var updated = Machine("m", "r2") with { UpdateDate = At(10) };

        await store.StateMachines.UpdateAsync(updated);

        Assert.Equal(updated, await store.StateMachines.GetAsync(MachineArn("m")));
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => store.StateMachines.UpdateAsync(Machine("missing")).AsTask());
    }

    [Fact]
    public async Task State_machines_list_in_creation_order_across_pages()
    {
        var store = await NewStoreAsync();
        string[] names = ["c", "a", "e", "b", "d"];
        foreach (var name in names)
        {
            await store.StateMachines.CreateAsync(Machine(name));
        }

        var listed = new List<string>();
        var page = await store.StateMachines.ListAsync(PageRequest.First(2));
        listed.AddRange(page.Items.Select(m => m.Name));
        while (page.NextToken is not null)
        {
            Assert.Equal(2, page.Items.Count);
            page = await store.StateMachines.ListAsync(new PageRequest(2, page.NextToken));
            listed.AddRange(page.Items.Select(m => m.Name));
        }

        Assert.Equal(names, listed);
    }

    [Fact]
    public async Task Deleting_a_state_machine_removes_it_and_its_versions()
    {
        var store = await NewStoreAsync();
        await store.StateMachines.CreateAsync(Machine("m"));
        var version = await store.StateMachines.PublishVersionAsync(MachineArn("m"), null, At(1));

        Assert.True(await store.StateMachines.DeleteAsync(MachineArn("m")));

        Assert.Null(await store.StateMachines.GetAsync(MachineArn("m")));
        Assert.Null(await store.StateMachines.GetVersionAsync(version.StateMachineVersionArn));
        Assert.False(await store.StateMachines.DeleteAsync(MachineArn("m")));
    }

    [Fact]
    public async Task Deleting_a_state_machine_keeps_its_executions()
    {
        var (store, execution) = await StoreWithExecutionAsync();

        await store.StateMachines.DeleteAsync(execution.StateMachineArn);

        Assert.NotNull(await store.Executions.GetAsync(execution.ExecutionArn));
        Assert.Single((await store.Executions.ListAsync(execution.StateMachineArn, null, null, PageRequest.First(10))).Items);
    }

    [Fact]
    public async Task Publishing_numbers_versions_from_one_and_republishing_an_unchanged_revision_returns_the_newest()
    {
        var store = await NewStoreAsync();
        await store.StateMachines.CreateAsync(Machine("m", "r1"));

        var first = await store.StateMachines.PublishVersionAsync(MachineArn("m"), "first", At(1));
        var again = await store.StateMachines.PublishVersionAsync(MachineArn("m"), "ignored", At(2));
        await store.StateMachines.UpdateAsync(Machine("m", "r2"));
        var second = await store.StateMachines.PublishVersionAsync(MachineArn("m"), null, At(3));

        Assert.Equal(1, first.Version);
        Assert.Equal(MachineArn("m") + ":1", first.StateMachineVersionArn);
        Assert.Equal("first", first.Description);
        Assert.Equal(first, again);
        Assert.Equal(2, second.Version);
        Assert.Equal("r2", second.RevisionId);
        Assert.Equal(Machine("m", "r2").Definition, second.Definition);
        Assert.Equal(first, await store.StateMachines.GetVersionAsync(first.StateMachineVersionArn));
    }

    [Fact]
    public async Task Version_numbers_are_never_reused_after_a_deletion()
    {
        var store = await NewStoreAsync();
        await store.StateMachines.CreateAsync(Machine("m", "r1"));
        var first = await store.StateMachines.PublishVersionAsync(MachineArn("m"), null, At(1));

        Assert.True(await store.StateMachines.DeleteVersionAsync(first.StateMachineVersionArn));
        var next = await store.StateMachines.PublishVersionAsync(MachineArn("m"), null, At(2));

        Assert.Equal(2, next.Version);
        Assert.False(await store.StateMachines.DeleteVersionAsync(first.StateMachineVersionArn));
    }

    [Fact]
    public async Task Versions_list_newest_first_across_pages()
    {
        var store = await NewStoreAsync();
        await store.StateMachines.CreateAsync(Machine("m", "r0"));
        await store.StateMachines.CreateAsync(Machine("other", "x"));
        await store.StateMachines.PublishVersionAsync(MachineArn("other"), null, At(0));
        for (var i = 1; i <= 5; i++)
        {
            await store.StateMachines.UpdateAsync(Machine("m", "r" + i));
            await store.StateMachines.PublishVersionAsync(MachineArn("m"), null, At(i));
        }

        var numbers = new List<long>();
        string? token = null;
        do
        {
            var page = await store.StateMachines.ListVersionsAsync(MachineArn("m"), new PageRequest(2, token));
            numbers.AddRange(page.Items.Select(v => v.Version));
            token = page.NextToken;
        }
        while (token is not null);

        Assert.Equal([5L, 4L, 3L, 2L, 1L], numbers);
    }

    [Fact]
    public async Task Publishing_a_version_of_a_missing_state_machine_is_rejected()
    {
        var store = await NewStoreAsync();

        await Assert.ThrowsAsync<ResourceNotFoundException>(() => store.StateMachines.PublishVersionAsync(MachineArn("m"), null, T0).AsTask());
    }
}
