using Stepwise.Storage.Paging;

namespace Stepwise.Storage.StateMachines;

/// <summary>State machine aliases: named, weighted routes to published versions.</summary>
public interface IStateMachineAliasStore
{
    /// <summary>Stores a new alias.</summary>
    /// <exception cref="ResourceAlreadyExistsException">The alias ARN is taken.</exception>
    ValueTask CreateAsync(StateMachineAliasRecord alias, CancellationToken cancellationToken = default);

    /// <summary>The alias; null if it does not exist.</summary>
    ValueTask<StateMachineAliasRecord?> GetAsync(string stateMachineAliasArn, CancellationToken cancellationToken = default);

    /// <summary>The aliases of a state machine in creation order.</summary>
    ValueTask<Page<StateMachineAliasRecord>> ListAsync(string stateMachineArn, PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>Replaces the alias with <paramref name="alias"/> (same ARN).</summary>
    /// <exception cref="ResourceNotFoundException">The alias does not exist.</exception>
    ValueTask UpdateAsync(StateMachineAliasRecord alias, CancellationToken cancellationToken = default);

    /// <summary>Deletes the alias; false if it did not exist.</summary>
    ValueTask<bool> DeleteAsync(string stateMachineAliasArn, CancellationToken cancellationToken = default);
}
