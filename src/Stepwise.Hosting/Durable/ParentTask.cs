namespace Stepwise.Hosting.Durable;

/// <summary>
/// The <c>states:startExecution.sync</c> (or <c>.sync:2</c>, <paramref name="Parsed"/>) task that started a child
/// execution and waits for it: the parent execution, the task's id, and the request id of the StartExecution call (so
/// the TaskSubmitted the child's completion may have to record for a parent that has not yet is the one the task would).
/// </summary>
internal sealed record ParentTask(string ExecutionArn, long TaskId, bool Parsed, string RequestId);
