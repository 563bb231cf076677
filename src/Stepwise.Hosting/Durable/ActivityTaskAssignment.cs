namespace Stepwise.Hosting.Durable;

/// <summary>
/// An activity task handed to a worker by <c>GetActivityTask</c>: the token it answers with (SendTaskSuccess,
/// SendTaskFailure, SendTaskHeartbeat) and the task's input as JSON text.
/// </summary>
public sealed record ActivityTaskAssignment(string TaskToken, string Input);
