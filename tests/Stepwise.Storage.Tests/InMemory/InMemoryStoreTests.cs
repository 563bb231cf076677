using Stepwise.Storage.InMemory;
using Stepwise.Storage.StateMachines;

namespace Stepwise.Storage.Tests.InMemory;

public sealed class InMemoryStoreTests
{
    [Fact]
    public async Task A_created_state_machine_reads_back()
    {
        await using var store = new InMemoryStore();
        await store.InitializeAsync();
        var machine = new StateMachineRecord
        {
            StateMachineArn = "arn:aws:states:us-east-1:123456789012:stateMachine:m",
            Name = "m",
            Type = StateMachineTypes.Standard,
            Definition = "{}",
            RoleArn = "arn:aws:iam::123456789012:role/r",
            CreationDate = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000),
            RevisionId = "r1",
        };

        await store.StateMachines.CreateAsync(machine);

        Assert.Equal(machine, await store.StateMachines.GetAsync(machine.StateMachineArn));
    }
}
