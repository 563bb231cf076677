namespace Stepwise.Storage;

/// <summary>
/// A step commit whose expected last event id did not match the stored one: another writer committed first. Nothing of
/// the commit was written; reload the execution and decide again.
/// </summary>
public sealed class ConcurrencyConflictException : StorageException
{
    /// <summary>Creates the exception.</summary>
    public ConcurrencyConflictException(string executionArn, long expectedLastEventId, long actualLastEventId)
        : base($"Execution '{executionArn}' is at event {actualLastEventId}, the commit expected {expectedLastEventId}.")
    {
        ExecutionArn = executionArn;
        ExpectedLastEventId = expectedLastEventId;
        ActualLastEventId = actualLastEventId;
    }

    /// <summary>The execution the commit was for.</summary>
    public string ExecutionArn { get; }

    /// <summary>The last event id the commit expected.</summary>
    public long ExpectedLastEventId { get; }

    /// <summary>The last event id in the store.</summary>
    public long ActualLastEventId { get; }
}
