namespace Stepwise.Runtime;

/// <summary>
/// RedriveExecution was called on a FAILED, ABORTED or TIMED_OUT execution: it runs again from what did not succeed,
/// with <c>$$.Execution.RedriveCount</c> one higher. The host checks that the execution may be redriven; Decide
/// throws <see cref="InvalidOperationException"/> for a snapshot that is running or succeeded.
/// </summary>
/// <param name="ClientToken">The request's idempotency token, for the host to keep; the interpreter ignores it.</param>
public sealed record RedriveRequestedStimulus(string? ClientToken = null) : Stimulus;
