namespace Stepwise.Definition.Validation;

/// <summary>What a Task's Resource ARN names.</summary>
internal enum TaskResourceKind
{
    /// <summary>A Lambda function or any other resource ARN AWS invokes directly.</summary>
    Other,

    /// <summary><c>arn:aws:states:region:account:activity:name</c>.</summary>
    Activity,

    /// <summary><c>arn:aws:states:::service:action[.pattern]</c>, including <c>aws-sdk:service:action</c>.</summary>
    ServiceIntegration,
}
