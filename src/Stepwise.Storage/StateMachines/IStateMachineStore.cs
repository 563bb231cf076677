using Stepwise.Storage.Paging;

namespace Stepwise.Storage.StateMachines;

/// <summary>State machines and their published versions.</summary>
public interface IStateMachineStore
{
    /// <summary>Stores a new state machine.</summary>
    /// <exception cref="ResourceAlreadyExistsException">The ARN is taken.</exception>
    ValueTask CreateAsync(StateMachineRecord stateMachine, CancellationToken cancellationToken = default);

    /// <summary>The state machine; null if it does not exist.</summary>
    ValueTask<StateMachineRecord?> GetAsync(string stateMachineArn, CancellationToken cancellationToken = default);

    /// <summary>State machines in creation order.</summary>
    ValueTask<Page<StateMachineRecord>> ListAsync(PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>Replaces the state machine with <paramref name="stateMachine"/> (same ARN, new revision id).</summary>
    /// <exception cref="ResourceNotFoundException">The state machine does not exist.</exception>
    ValueTask UpdateAsync(StateMachineRecord stateMachine, CancellationToken cancellationToken = default);

    /// <summary>Deletes the state machine and its versions; false if it did not exist. Executions stay.</summary>
    ValueTask<bool> DeleteAsync(string stateMachineArn, CancellationToken cancellationToken = default);

    /// <summary>
    /// Publishes the current revision as the next version, or returns the newest version when it froze the current
    /// revision already (AWS's <c>PublishStateMachineVersion</c> is idempotent that way).
    /// </summary>
    /// <exception cref="ResourceNotFoundException">The state machine does not exist.</exception>
    ValueTask<StateMachineVersionRecord> PublishVersionAsync(string stateMachineArn, string? description, DateTimeOffset creationDate,
        CancellationToken cancellationToken = default);

    /// <summary>The version; null if it does not exist.</summary>
    ValueTask<StateMachineVersionRecord?> GetVersionAsync(string stateMachineVersionArn, CancellationToken cancellationToken = default);

    /// <summary>The versions of a state machine, newest first (as <c>ListStateMachineVersions</c> orders them).</summary>
    ValueTask<Page<StateMachineVersionRecord>> ListVersionsAsync(string stateMachineArn, PageRequest page,
        CancellationToken cancellationToken = default);

    /// <summary>Deletes a version; false if it did not exist.</summary>
    ValueTask<bool> DeleteVersionAsync(string stateMachineVersionArn, CancellationToken cancellationToken = default);
}
