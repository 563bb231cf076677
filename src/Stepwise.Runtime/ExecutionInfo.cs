using Stepwise.Json;

namespace Stepwise.Runtime;

/// <summary>
/// Who an execution is: the identity and start data the context object (<c>$$.Execution</c>, <c>$$.StateMachine</c>)
/// and the history expose. Fixed when the execution starts. <c>RedriveCount</c> is null for Express executions,
/// whose context object has no such field.
/// </summary>
public sealed record ExecutionInfo(
    string ExecutionArn,
    string ExecutionName,
    string StateMachineArn,
    string StateMachineName,
    string RoleArn,
    string Region,
    DateTimeOffset StartTime,
    JsonValue Input,
    int? RedriveCount = 0)
{
    /// <summary>
    /// True for Standard executions (those with a <see cref="RedriveCount"/>): only they have a stored history, so only
    /// they are bound by AWS's 25,000-event history limit.
    /// </summary>
    public bool IsStandard => RedriveCount is not null;
}
