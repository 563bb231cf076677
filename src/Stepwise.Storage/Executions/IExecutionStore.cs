using Stepwise.Storage.Paging;

namespace Stepwise.Storage.Executions;

/// <summary>Executions: their description, history and snapshot, and the atomic step commit.</summary>
public interface IExecutionStore
{
    /// <summary>
    /// Stores a new execution together with its first step (<paramref name="firstStep"/> has
    /// <see cref="StepCommit.ExpectedLastEventId"/> 0), all or nothing.
    /// </summary>
    /// <exception cref="ResourceAlreadyExistsException">The execution ARN is taken.</exception>
    ValueTask<StepCommitResult> CreateAsync(ExecutionRecord execution, StepCommit firstStep, CancellationToken cancellationToken = default);

    /// <summary>The execution; null if it does not exist.</summary>
    ValueTask<ExecutionRecord?> GetAsync(string executionArn, CancellationToken cancellationToken = default);

    /// <summary>The execution's latest snapshot; null if it does not exist or never had one.</summary>
    ValueTask<StoredSnapshot?> GetSnapshotAsync(string executionArn, CancellationToken cancellationToken = default);

    /// <summary>
    /// Executions of a state machine, newest first (as <c>ListExecutions</c> orders them).
    /// <paramref name="stateMachineArn"/> may also be a version or alias ARN, which lists the executions started
    /// through it. <paramref name="statusFilter"/> is one of <see cref="ExecutionStatuses"/> or null for all;
    /// <paramref name="redriven"/> keeps only executions redriven at least once (true) or never (false), or all (null).
    /// </summary>
    ValueTask<Page<ExecutionRecord>> ListAsync(string stateMachineArn, string? statusFilter, bool? redriven, PageRequest page,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// The child executions of a Map Run, newest first, as <c>ListExecutions</c> with a <c>mapRunArn</c> lists them.
    /// <paramref name="statusFilter"/> is one of <see cref="ExecutionStatuses"/> or null for all;
    /// <paramref name="redriven"/> keeps only executions redriven at least once (true) or never (false), or all (null).
    /// </summary>
    ValueTask<Page<ExecutionRecord>> ListByMapRunAsync(string mapRunArn, string? statusFilter, bool? redriven, PageRequest page,
        CancellationToken cancellationToken = default);

    /// <summary>History events in id order, or newest first when <paramref name="reverseOrder"/> is set.</summary>
    ValueTask<Page<StoredEvent>> GetHistoryAsync(string executionArn, bool reverseOrder, PageRequest page,
        CancellationToken cancellationToken = default);

    /// <summary>Commits one step atomically and returns the new last event id and the work it leased.</summary>
    /// <exception cref="ConcurrencyConflictException">The stored last event id is not the expected one.</exception>
    /// <exception cref="Work.LeaseLostException">The consumed work item's lease is no longer held.</exception>
    /// <exception cref="ResourceNotFoundException">The execution does not exist.</exception>
    ValueTask<StepCommitResult> CommitAsync(StepCommit commit, CancellationToken cancellationToken = default);
}
