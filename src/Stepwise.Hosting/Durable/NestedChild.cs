namespace Stepwise.Hosting.Durable;

/// <summary>
/// The child execution a waiting nested <c>.sync</c> task starts (its ARN is known when the task is scheduled: the
/// name comes from the parameters or derives from the task's context) and whether the parent has recorded its
/// TaskSubmitted yet.
/// </summary>
internal sealed record NestedChild(string ExecutionArn, bool Submitted);
