namespace Stepwise.Storage.Executions;

/// <summary>
/// What <c>DescribeExecution</c> and <c>ListExecutions</c> report about one execution. JSON members (input, output)
/// are JSON text as the API sends them. Every provider keeps instants exactly (the API rounds them to milliseconds).
/// </summary>
public sealed record ExecutionRecord
{
    /// <summary>The execution ARN (<c>arn:aws:states:…:execution:&lt;machine&gt;:&lt;name&gt;</c>); the store's key.</summary>
    public required string ExecutionArn { get; init; }

    /// <summary>The state machine ARN (unqualified, even when the execution was started through a version or alias).</summary>
    public required string StateMachineArn { get; init; }

    /// <summary>The execution name.</summary>
    public required string Name { get; init; }

    /// <summary>The version ARN the execution runs, when it was started through a version or an alias.</summary>
    public string? StateMachineVersionArn { get; init; }

    /// <summary>The alias ARN the execution was started through, if any.</summary>
    public string? StateMachineAliasArn { get; init; }

    /// <summary>The Map Run ARN when the execution is a child of a distributed Map; null for any other execution.</summary>
    public string? MapRunArn { get; init; }

    /// <summary>One of <see cref="ExecutionStatuses"/>.</summary>
    public required string Status { get; init; }

    /// <summary>When the execution started.</summary>
    public required DateTimeOffset StartDate { get; init; }

    /// <summary>When it finished; null while it runs.</summary>
    public DateTimeOffset? StopDate { get; init; }

    /// <summary>The execution input, JSON text.</summary>
    public required string Input { get; init; }

    /// <summary>The output once it succeeded, JSON text.</summary>
    public string? Output { get; init; }

    /// <summary>The error once it failed, timed out or was aborted.</summary>
    public string? Error { get; init; }

    /// <summary>The cause once it failed, timed out or was aborted.</summary>
    public string? Cause { get; init; }

    /// <summary>The X-Ray trace header given at start, if any.</summary>
    public string? TraceHeader { get; init; }

    /// <summary>How many times the execution was redriven (<c>DescribeExecution</c>'s <c>redriveCount</c>); 0 before the first.</summary>
    public int RedriveCount { get; init; }

    /// <summary>When the execution was last redriven; null if it never was.</summary>
    public DateTimeOffset? RedriveDate { get; init; }

    /// <summary>
    /// One of <see cref="ExecutionRedriveStatuses"/>, as the execution's last step left it; null for records stored
    /// before redrive existed (read as not redrivable). The 14-day redrive period is applied when it is read.
    /// </summary>
    public string? RedriveStatus { get; init; }

    /// <summary>Why the execution cannot be redriven, in AWS's words (one of <see cref="ExecutionRedriveStatuses"/>' reasons); null when it can.</summary>
    public string? RedriveStatusReason { get; init; }

    /// <summary>
    /// The id of the last history event stored: the execution's version for optimistic concurrency. Set by the store;
    /// ignored on create.
    /// </summary>
    public long LastEventId { get; init; }
}
