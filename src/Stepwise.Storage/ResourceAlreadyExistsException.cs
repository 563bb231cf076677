namespace Stepwise.Storage;

/// <summary>
/// A create whose key is taken (a state machine, execution, alias or activity ARN). The API maps it to AWS's
/// <c>StateMachineAlreadyExists</c>, <c>ExecutionAlreadyExists</c>… by <see cref="ResourceKind"/>.
/// </summary>
public sealed class ResourceAlreadyExistsException : StorageException
{
    /// <summary>Creates the exception.</summary>
    public ResourceAlreadyExistsException(string resourceKind, string arn)
        : base($"{resourceKind} already exists: '{arn}'")
    {
        ResourceKind = resourceKind;
        Arn = arn;
    }

    /// <summary>What kind of resource: <c>StateMachine</c>, <c>Execution</c>, <c>StateMachineAlias</c>, <c>Activity</c>.</summary>
    public string ResourceKind { get; }

    /// <summary>The ARN that exists already.</summary>
    public string Arn { get; }
}
