namespace Stepwise.Storage;

/// <summary>
/// A write addressed to a resource that does not exist (reads return null instead). The API maps it by
/// <see cref="ResourceKind"/> (<c>ExecutionDoesNotExist</c>, <c>StateMachineDoesNotExist</c>…).
/// </summary>
public sealed class ResourceNotFoundException : StorageException
{
    /// <summary>Creates the exception.</summary>
    public ResourceNotFoundException(string resourceKind, string arn)
        : base($"{resourceKind} does not exist: '{arn}'")
    {
        ResourceKind = resourceKind;
        Arn = arn;
    }

    /// <summary>What kind of resource: <c>StateMachine</c>, <c>Execution</c>, <c>StateMachineAlias</c>, <c>Activity</c>.</summary>
    public string ResourceKind { get; }

    /// <summary>The ARN that was not found.</summary>
    public string Arn { get; }
}
