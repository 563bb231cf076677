namespace Stepwise.Storage;

/// <summary>The resource kinds named by <see cref="ResourceAlreadyExistsException"/> and <see cref="ResourceNotFoundException"/>.</summary>
public static class ResourceKinds
{
    public const string StateMachine = "StateMachine";
    public const string StateMachineVersion = "StateMachineVersion";
    public const string StateMachineAlias = "StateMachineAlias";
    public const string Execution = "Execution";
    public const string Activity = "Activity";
    public const string WorkItem = "WorkItem";

    /// <summary>A map run of a distributed Map state.</summary>
    public const string MapRun = "MapRun";

    /// <summary>A taggable resource (state machine or activity) named by an ARN of either kind.</summary>
    public const string Resource = "Resource";
}
